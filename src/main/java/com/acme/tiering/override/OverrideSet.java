package com.acme.tiering.override;

/**
 * A manual override was put in force (replacing the customer's previous one, if any). Heard at once, in the
 * transaction that stored it, so the customer is decided with it before that transaction commits.
 */
public record OverrideSet(String customerId, long overrideId) {
}
