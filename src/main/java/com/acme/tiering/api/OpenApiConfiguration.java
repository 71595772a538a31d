package com.acme.tiering.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.acme.tiering.decision.StoredTierLookup;
import com.acme.tiering.decision.TierLookup;
import com.acme.tiering.evaluation.Evaluation;
import com.acme.tiering.facts.AttributeValues;

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
        // a plan's entitlements are the columns its plan table declares: a map, so clients keep working when
        // operations add or remove a column
        SpringDocUtils.getConfig().replaceWithSchema(Evaluation.Entitlements.class, new MapSchema()
                .additionalProperties(new Schema<Object>().anyOf(List.of(new BooleanSchema(),
                        new IntegerSchema().format("int64"), new NumberSchema(), new StringSchema())))
                .description("The plan's entitlements as the service-plan table declares them (a column's template "
                        + "cell 'entitlement <name> <type>'), by name in column order: yes/no columns as booleans, "
                        + "integer columns as integers, decimal columns as numbers, text and code columns as "
                        + "strings. Names are the table's, in any language; an entitlement the plan does not give is "
                        + "absent. Read it as a map: a column added or removed changes the keys, not this schema.")
                .example(entitlementsExample()));
        // a customer's attributes are those the rules declare (customer-attributes.xlsx): a map, likewise
        SpringDocUtils.getConfig().replaceWithSchema(AttributeValues.class, new MapSchema()
                .additionalProperties(new Schema<Object>().anyOf(List.of(new BooleanSchema(),
                        new IntegerSchema().format("int64"), new NumberSchema(), new StringSchema())))
                .description("The customer's values of the attributes the rules declare, by name: integer attributes "
                        + "as integers, decimal as numbers, yes/no as booleans, text and code as strings, dates as "
                        + "YYYY-MM-DD strings; an attribute without a value is left out")
                .example(Map.of("contractType", "FRAMEWORK", "seats", 40, "relationshipDepth", "DECISION_MAKER")));
    }

    /** The example docs/api.md shows: a code, an integer, a decimal, a yes/no and a text named in Chinese. */
    private static Map<String, Object> entitlementsExample() {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("accountManager", "DEDICATED");
        example.put("responseSlaHours", 8);
        example.put("discountPct", new BigDecimal("2.5"));
        example.put("freeShipping", false);
        example.put("专属客服", "王经理");
        return example;
    }

    @Bean
    OpenAPI tieringOpenApi() {
        return new OpenAPI().info(new Info().title("Customer Tiering Service").version("v1")
                .description("Tier lookups for sales systems, explanations and history for auditors, ingestion of "
                        + "customers, orders and interactions. Errors are RFC 9457 problem details."));
    }
}
