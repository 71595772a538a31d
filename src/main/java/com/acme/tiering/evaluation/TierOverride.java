package com.acme.tiering.evaluation;

import java.time.Instant;

import com.acme.tiering.ruleset.TierCatalog;

/**
 * A tier set by hand by an operations manager, in force until it expires or is ended. The rules still
 * run in full; the override only replaces (PIN) or raises (FLOOR) the tier they give, before churn
 * triggers and the service plan read it.
 *
 * @param id the stored override, so a decision can be traced to the request that set it
 * @param replacedTier the code the override was set with when the catalog of the version deciding no longer has it
 *        and {@code tier} is the tier that replaces it (the catalog's Replaces column); null otherwise
 */
public record TierOverride(long id, String tier, Kind kind, String reason, Instant expiresAt, String setBy,
        Instant setAt, String replacedTier) {

    public TierOverride(long id, String tier, Kind kind, String reason, Instant expiresAt, String setBy,
            Instant setAt) {
        this(id, tier, kind, reason, expiresAt, setBy, setAt, null);
    }

    public enum Kind {
        /** Exactly this tier, whatever the rules give. */
        PIN,
        /** Never below this tier: the rules' tier when it is higher. */
        FLOOR
    }

    /**
     * The override as a version with this catalog applies it: naming the tier that replaces the code it was set
     * with, where the catalog has no tier of that code but a tier whose Replaces cell lists it; else as it is.
     * Overrides are stored with the code they were set with, so a rollback to a catalog that has it finds it again.
     */
    public TierOverride in(TierCatalog tiers) {
        String setWith = replacedTier == null ? tier : replacedTier;
        String inForce = tiers.inForce(setWith);
        if (replacedTier == null && inForce.equals(tier)) {
            return this;
        }
        return inForce.equals(setWith) ? new TierOverride(id, setWith, kind, reason, expiresAt, setBy, setAt)
                : new TierOverride(id, inForce, kind, reason, expiresAt, setBy, setAt, setWith);
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
