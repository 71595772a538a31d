package com.acme.tiering.decision;

import java.util.List;

/** A page of customers with their current tier, for search screens and tools. */
public record CustomerListing(List<Row> customers, int page, int size, long totalElements, int totalPages) {

    public record Row(String customerId, String name, String industry, String region, String accountOwner,
            String tier, String servicePlan, String lifecycleStage, String churnRisk) {
    }
}
