package com.acme.tiering.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.acme.tiering.decision.StoredTierLookup;
import com.acme.tiering.decision.TierLookup;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // lookups answer the TierLookup recorded with the decision as it was written (StoredTierLookup)
        SpringDocUtils.getConfig().replaceWithClass(StoredTierLookup.class, TierLookup.class);
    }

    @Bean
    OpenAPI tieringOpenApi() {
        return new OpenAPI().info(new Info().title("Customer Tiering Service").version("v1")
                .description("Tier lookups for sales systems, explanations and history for auditors, ingestion of "
                        + "customers, orders and interactions. Errors are RFC 9457 problem details."));
    }
}
