package com.acme.tiering.decision;

import java.util.List;

/**
 * A page of customers with their current tier, for search screens and tools.
 *
 * <p>A row's {@code tierName} is the name the decision was made with (V21), which a later rename of the tier does not
 * change; null for a customer not evaluated yet.
 */
public record CustomerListing(List<Row> customers, int page, int size, long totalElements, int totalPages) {

    public record Row(String customerId, String name, String industry, String region, String accountOwner,
            String tier, String tierName, String servicePlan, String lifecycleStage, String churnRisk) {
    }
}
