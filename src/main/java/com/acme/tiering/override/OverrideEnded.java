package com.acme.tiering.override;

/**
 * A manual override ended, revoked by a person or at its expiry. Heard at once, in the transaction that ended it,
 * so the customer is decided without it before that transaction commits.
 *
 * @param endReason REVOKED or EXPIRED
 */
public record OverrideEnded(String customerId, long overrideId, String endReason) {
}
