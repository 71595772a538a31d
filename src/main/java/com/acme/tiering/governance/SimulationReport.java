package com.acme.tiering.governance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What putting a ruleset version in force would change, found by evaluating every current customer
 * with it and with the rules in force, recording nothing.
 *
 * @param tierMigration the tier the tier table gives: from (rules in force) → to (this version) → customers,
 *        unchanged included; the tier policy may hold a downgrade for its grace period, see downgradesHeld
 * @param planChanges "KEY → KEY_RETENTION" → customers, changes only
 * @param alertsOpening trigger → customers for whom it would start firing
 * @param alertsClosing trigger → customers for whom it would stop firing
 * @param customersWithoutTierRow customers no tier row of this version matches
 * @param downgradesHeld customers who would qualify for a lower tier but keep theirs during the grace period
 * @param revenueShareBefore tier → share of revenueLast12m under the rules in force
 * @param examples "A → B" → up to 20 customer ids per changed cell of the migration matrix
 */
public record SimulationReport(
        long versionId,
        String activeVersion,
        String simulatedVersion,
        LocalDate asOf,
        int customers,
        Map<String, Map<String, Long>> tierMigration,
        Map<String, Long> planChanges,
        Map<String, Long> alertsOpening,
        Map<String, Long> alertsClosing,
        long customersWithoutTierRow,
        long downgradesHeld,
        Map<String, BigDecimal> revenueShareBefore,
        Map<String, BigDecimal> revenueShareAfter,
        Map<String, List<String>> examples) {
}
