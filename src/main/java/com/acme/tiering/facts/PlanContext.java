package com.acme.tiering.facts;

/** What the service-plan table decides on: the tier in force, the churn risk and the lifecycle stage. */
public record PlanContext(String customerId, String tier, String churnRisk, String lifecycleStage) {
}
