package com.acme.tiering.facts;

/** The tier in force after the tier policy: what churn triggers and service plans read. */
public record AssignedTier(String customerId, String tier) {
}
