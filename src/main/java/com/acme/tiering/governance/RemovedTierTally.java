package com.acme.tiering.governance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.acme.tiering.evaluation.Evaluation;
import com.acme.tiering.evaluation.TierOverride;
import com.acme.tiering.ruleset.TierCatalogChange;

/**
 * Counts, during a simulation, what holds each tier the version's catalog removes — customers, manual overrides and
 * pending downgrades — and where the simulated decision takes each: the migration of a catalog change, customer by
 * customer, as putting the version in force then makes it.
 */
final class RemovedTierTally {

    static final String NONE = "-";

    private final Map<String, Counts> byCode = new LinkedHashMap<>();

    private static final class Counts {

        final TierCatalogChange.Removed removed;
        long customers;
        final Map<String, Long> customersAfter = new TreeMap<>();
        long pins;
        long floors;
        final Map<String, Long> overridesAfter = new TreeMap<>();
        long pending;
        final Map<String, Long> pendingAfter = new TreeMap<>();

        Counts(TierCatalogChange.Removed removed) {
            this.removed = removed;
        }
    }

    RemovedTierTally(TierCatalogChange change) {
        change.removed().forEach(removed -> byCode.put(removed.code(), new Counts(removed)));
    }

    void add(SimulatedCustomer customer) {
        if (byCode.isEmpty()) {
            return;
        }
        Evaluation after = customer.after();
        Counts holding = byCode.get(customer.tierNow());
        if (holding != null) {
            holding.customers++;
            holding.customersAfter.merge(after.tier(), 1L, Long::sum);
        }
        TierOverride override = after.manualOverride();
        Counts named = override == null ? null : byCode.get(TierRemovals.setWith(override));
        if (named != null) {
            if (override.kind() == TierOverride.Kind.PIN) {
                named.pins++;
            }
            else {
                named.floors++;
            }
            named.overridesAfter.merge(override.tier(), 1L, Long::sum);
        }
        Counts target = customer.pendingNow() == null ? null : byCode.get(customer.pendingNow());
        if (target != null) {
            target.pending++;
            target.pendingAfter.merge(after.downgradePendingSince() == null ? NONE : after.qualifiedTier(), 1L,
                    Long::sum);
        }
    }

    List<SimulationReport.RemovedTier> report() {
        return byCode.values().stream().map(c -> new SimulationReport.RemovedTier(c.removed.code(), c.removed.name(),
                c.removed.replacedBy(), c.customers, c.customersAfter, c.pins, c.floors, c.overridesAfter, c.pending,
                c.pendingAfter)).toList();
    }
}
