package com.acme.tiering.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.acme.tiering.decision.StoredTierLookup;
import com.acme.tiering.decision.TierLookup;

import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document describes the JSON the API sends, never a Java type behind it: a client generated from it
 * must compile and read the answers.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // lookups answer the TierLookup recorded with the decision as it was written (StoredTierLookup)
        SpringDocUtils.getConfig().replaceWithClass(StoredTierLookup.class, TierLookup.class);
        // a JsonNode is written as the JSON it holds (the audit log's before and after), not as a bean whose
        // properties (valueNode, missingNode, nodeType...) would clash with the JSON library in generated clients
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema()
                .description("Free-form JSON object, as the target was before or became after the change"));
    }

    @Bean
    OpenAPI tieringOpenApi() {
        return new OpenAPI().info(new Info().title("Customer Tiering Service").version("v1")
                .description("Tier lookups for sales systems, explanations and history for auditors, ingestion of "
                        + "customers, orders and interactions. Errors are RFC 9457 problem details."));
    }
}
