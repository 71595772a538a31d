package com.acme.tiering.decision;

import java.util.List;

import com.acme.tiering.facts.AttributeValues;

/**
 * A page of customers with their current tier, for search screens and tools.
 *
 * <p>A row's {@code tierName} is the name the decision was made with (V21), which a later rename of the tier does not
 * change; null for a customer not evaluated yet.
 */
public record CustomerListing(List<Row> customers, int page, int size, long totalElements, int totalPages) {

    /** @param attributes the customer's attribute values (rules/customer-attributes.xlsx) */
    public record Row(String customerId, String name, String industry, String region, String accountOwner,
            String tier, String tierName, String servicePlan, String lifecycleStage, String churnRisk,
            AttributeValues attributes) {

        public Row {
            attributes = attributes == null ? AttributeValues.NONE : attributes;
        }

        Row with(AttributeValues values) {
            return new Row(customerId, name, industry, region, accountOwner, tier, tierName, servicePlan,
                    lifecycleStage, churnRisk, values);
        }
    }

    /**
     * Only the customers with this value of this attribute; without a value, those with any value of it.
     *
     * @param value the value as customer_attribute stores it (see {@code AttributeValues.storedText}), or null
     */
    public record AttributeFilter(String attribute, String value) {
    }
}
