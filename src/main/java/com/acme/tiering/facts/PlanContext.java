package com.acme.tiering.facts;

/**
 * What the service-plan table decides on: the tier in force, the churn risk and the lifecycle stage, and the
 * customer's attribute values, which a plan row may read as a condition like the others.
 */
public record PlanContext(String customerId, String tier, String churnRisk, String lifecycleStage,
        AttributeValues attributes) {

    public PlanContext {
        attributes = attributes == null ? AttributeValues.NONE : attributes;
    }

    public PlanContext(String customerId, String tier, String churnRisk, String lifecycleStage) {
        this(customerId, tier, churnRisk, lifecycleStage, AttributeValues.NONE);
    }
}
