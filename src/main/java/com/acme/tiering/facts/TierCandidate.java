package com.acme.tiering.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.ToIntFunction;

/**
 * What the tier policy decides on: the tier the tier table gave, against the tier in force.
 *
 * @param downgrade the qualified tier is lower than the current one
 * @param pendingSince when the downgrade started waiting: downgradePendingSince, or today for a new one
 * @param daysPending whole days the downgrade has waited, 0 when it starts today
 */
public record TierCandidate(
        String customerId,
        String qualifiedTier,
        String currentTier,
        LocalDate currentTierSince,
        LocalDate downgradePendingSince,
        LocalDate asOf,
        boolean downgrade,
        LocalDate pendingSince,
        int daysPending) {

    /** @param rank the rank of a tier in the version's catalog: 1 for the highest */
    public static TierCandidate of(CustomerFacts facts, String qualifiedTier, ToIntFunction<String> rank) {
        boolean downgrade = facts.currentTier() != null
                && rank.applyAsInt(qualifiedTier) > rank.applyAsInt(facts.currentTier());
        LocalDate since = downgrade && facts.downgradePendingSince() != null ? facts.downgradePendingSince()
                : facts.asOf();
        int days = (int) ChronoUnit.DAYS.between(since, facts.asOf());
        return new TierCandidate(facts.customerId(), qualifiedTier, facts.currentTier(), facts.currentTierSince(),
                facts.downgradePendingSince(), facts.asOf(), downgrade, since, days);
    }
}
