package com.acme.tiering.evaluation;

import java.time.Instant;

import com.acme.tiering.ruleset.TierCatalog;

/**
 * A tier set by hand by an operations manager, in force until it expires or is ended. The rules still
 * run in full; the override only replaces (PIN) or raises (FLOOR) the tier they give, before churn
 * triggers and the service plan read it.
 *
 * @param id the stored override, so a decision can be traced to the request that set it
 */
public record TierOverride(long id, String tier, Kind kind, String reason, Instant expiresAt, String setBy,
        Instant setAt) {

    public enum Kind {
        /** Exactly this tier, whatever the rules give. */
        PIN,
        /** Never below this tier: the rules' tier when it is higher. */
        FLOOR
    }

    /** The tier in force when the rules give {@code rulesTier}, ranked by the catalog of the version deciding. */
    public String apply(String rulesTier, TierCatalog tiers) {
        return switch (kind) {
            case PIN -> tier;
            case FLOOR -> tiers.lower(rulesTier, tier) ? tier : rulesTier;
        };
    }

    /** Whether the override changes the rules' tier: a FLOOR below the rules' tier changes nothing. */
    public boolean changes(String rulesTier, TierCatalog tiers) {
        return !apply(rulesTier, tiers).equals(rulesTier);
    }
}
