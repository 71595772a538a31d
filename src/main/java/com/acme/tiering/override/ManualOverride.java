package com.acme.tiering.override;

import java.time.Instant;

import com.acme.tiering.evaluation.TierOverride;

/**
 * A manual override as stored: the override itself and, once it ended, when, by whom and why.
 *
 * @param endReason EXPIRED, REVOKED (ended early by a person) or REPLACED (by a newer override); null while in force
 */
public record ManualOverride(long id, String customerId, String tier, TierOverride.Kind kind, String reason,
        Instant expiresAt, String setBy, Instant setAt, Instant endedAt, String endedBy, String endReason) {

    public boolean inForce() {
        return endedAt == null;
    }

    public TierOverride toTierOverride() {
        return new TierOverride(id, tier, kind, reason, expiresAt, setBy, setAt);
    }
}
