package com.acme.tiering.governance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What putting a ruleset version in force would change, found by deciding every current customer with it
 * exactly as publishing (or, for a version that was in force before, activating) then does — manual overrides,
 * the tier policy's downgrade grace and a rollback's restorations included — recording nothing.
 *
 * @param tierMigration the tier in force now (the current decision's; "-" without one) → the tier in force after
 *        putting this version in force → customers, unchanged included: what publishing then does, on unchanged data
 * @param planChanges "KEY → KEY_RETENTION" → customers, changes only, from the plan in force now
 * @param alertsOpening trigger → customers for whom it would start firing (it does not fire now)
 * @param alertsClosing trigger → customers for whom it would stop firing
 * @param customersWithoutTierRow customers no tier row of this version matches
 * @param downgradesHeld customers who would qualify for a lower tier but keep theirs during the grace period
 * @param revenueShareBefore tier in force now → share of revenueLast12m; {@code revenueShareAfter} the same after
 * @param examples "A → B" → up to 20 customer ids per changed cell of the tier migration
 * @param qualifiedTierMigration beside it, what the tier table alone gives: the tier qualified for under the rules
 *        in force → under this version, before the tier policy and overrides; null in reports made before it
 * @param heldDowngrades of downgradesHeld, the tier kept → the lower tier qualified for → customers
 * @param restored customers whose decision before the rolled-back version would be restored (docs/publishing.md)
 * @param rollsBackVersionId the version in force that putting this one in force rolls back, null when none
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
        Map<String, List<String>> examples,
        Map<String, Map<String, Long>> qualifiedTierMigration,
        Map<String, Map<String, Long>> heldDowngrades,
        Long restored,
        Long rollsBackVersionId) {

    /** Customers whose tier in force would change. */
    public long tierChanges() {
        return tierMigration.entrySet().stream().mapToLong(from -> from.getValue().entrySet().stream()
                .filter(to -> !to.getKey().equals(from.getKey())).mapToLong(Map.Entry::getValue).sum()).sum();
    }
}
