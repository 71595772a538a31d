package com.acme.tiering.governance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.acme.tiering.ruleset.TierCatalogChange;

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
 * @param catalogChange the tiers renamed, added, removed and re-ranked between the catalog in force and this version's,
 *        and the codes its Replaces column maps; null in reports made before it
 * @param removedTiers for each tier of the catalog in force this version's catalog removes, what holds it now and
 *        where that goes; null in reports made before it
 * @param catalogRefusals why putting the version in force would be refused now for its tier catalog (a removed tier
 *        held without a mapping, or for a rollback a manual override naming a tier the restored catalog lacks);
 *        null in reports made before it
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
        Long rollsBackVersionId,
        TierCatalogChange catalogChange,
        List<RemovedTier> removedTiers,
        List<String> catalogRefusals) {

    /**
     * A tier of the catalog in force that the version removes: the customers, manual overrides and pending downgrades
     * on it now, and where each goes once the version is in force.
     *
     * @param replacedBy the tier whose Replaces cell lists it, null when none does
     * @param customers customers holding it now (the tier in force); {@code customersAfter} their tier in force after
     * @param pinOverrides manual PIN overrides in force set at it, {@code floorOverrides} FLOOR ones;
     *        {@code overridesAfter} the tier those overrides name after
     * @param pendingDowngrades customers whose downgrade waits to go to it now; {@code pendingDowngradesAfter} the tier
     *        their downgrade waits to go to after, "-" where none waits any more
     */
    public record RemovedTier(String code, String name, String replacedBy, long customers,
            Map<String, Long> customersAfter, long pinOverrides, long floorOverrides, Map<String, Long> overridesAfter,
            long pendingDowngrades, Map<String, Long> pendingDowngradesAfter) {
    }

    /** Customers whose tier in force would change. */
    public long tierChanges() {
        return tierMigration.entrySet().stream().mapToLong(from -> from.getValue().entrySet().stream()
                .filter(to -> !to.getKey().equals(from.getKey())).mapToLong(Map.Entry::getValue).sum()).sum();
    }
}
