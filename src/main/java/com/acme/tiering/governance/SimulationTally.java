package com.acme.tiering.governance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.acme.tiering.evaluation.Evaluation;
import com.acme.tiering.evaluation.Explanation.FiredRule;
import com.acme.tiering.ruleset.TierCatalog;
import com.acme.tiering.ruleset.TierCatalogChange;

/** Counts what a simulation finds, customer by customer, in memory bounded by the number of codes. */
final class SimulationTally {

    static final int EXAMPLES_PER_CELL = 20;

    private final Set<String> tierRows;
    private final TierCatalog tiers;
    private final TierCatalogChange catalogChange;
    private final RemovedTierTally removedTiers;
    private final Map<String, Map<String, Long>> migration = new TreeMap<>();
    private final Map<String, Map<String, Long>> qualified = new TreeMap<>();
    private final Map<String, Map<String, Long>> held = new TreeMap<>();
    private final Map<String, Long> planChanges = new TreeMap<>();
    private final Map<String, Long> opening = new TreeMap<>();
    private final Map<String, Long> closing = new TreeMap<>();
    private final Map<String, BigDecimal> revenueBefore = new TreeMap<>();
    private final Map<String, BigDecimal> revenueAfter = new TreeMap<>();
    private final Map<String, List<String>> examples = new TreeMap<>();
    private BigDecimal totalRevenue = BigDecimal.ZERO;
    private long withoutTierRow;
    private long downgradesHeld;
    private long restored;
    private int customers;

    /**
     * @param tierRows sources of the simulated version's tier-table rows
     * @param tiers the simulated version's tier catalog, which ranks its tiers
     * @param catalogChange from the catalog in force to the simulated version's
     */
    SimulationTally(Set<String> tierRows, TierCatalog tiers, TierCatalogChange catalogChange) {
        this.tierRows = tierRows;
        this.tiers = tiers;
        this.catalogChange = catalogChange;
        this.removedTiers = new RemovedTierTally(catalogChange);
    }

    void add(SimulatedCustomer customer) {
        customers++;
        Evaluation after = customer.after();
        String from = customer.tierNow();
        String to = after.tier();
        count(migration, from, to);
        count(qualified, customer.qualifiedNow(), after.qualifiedTier());
        if (tiers.lower(after.qualifiedTier(), after.rulesTier())) {
            downgradesHeld++;
            count(held, after.rulesTier(), after.qualifiedTier());
        }
        if (customer.restored()) {
            restored++;
        }
        removedTiers.add(customer);
        if (!from.equals(to)) {
            List<String> cell = examples.computeIfAbsent(from + " → " + to, k -> new ArrayList<>());
            if (cell.size() < EXAMPLES_PER_CELL) {
                cell.add(after.customerId());
            }
        }
        String planAfter = after.servicePlan() == null ? SimulatedCustomer.NONE : after.servicePlan().code();
        if (!customer.planNow().equals(planAfter)) {
            planChanges.merge(customer.planNow() + " → " + planAfter, 1L, Long::sum);
        }
        Set<String> firingAfter = new HashSet<>();
        after.churnSignals().forEach(signal -> firingAfter.add(signal.triggerId()));
        firingAfter.stream().filter(t -> !customer.triggersNow().contains(t)).forEach(t -> opening.merge(t, 1L, Long::sum));
        customer.triggersNow().stream().filter(t -> !firingAfter.contains(t)).forEach(t -> closing.merge(t, 1L, Long::sum));
        if (after.explanation().firedRules().stream().map(FiredRule::source).noneMatch(tierRows::contains)) {
            withoutTierRow++;
        }
        BigDecimal revenue = after.facts().revenueLast12m();
        totalRevenue = totalRevenue.add(revenue);
        revenueBefore.merge(from, revenue, BigDecimal::add);
        revenueAfter.merge(to, revenue, BigDecimal::add);
    }

    /** @param catalogRefusals why putting the version in force would be refused now for its tier catalog */
    SimulationReport report(long versionId, String active, String simulated, LocalDate asOf, Long rollsBack,
            List<String> catalogRefusals) {
        return new SimulationReport(versionId, active, simulated, asOf, customers, migration, planChanges, opening,
                closing, withoutTierRow, downgradesHeld, shares(revenueBefore), shares(revenueAfter), examples,
                qualified, held, restored, rollsBack, catalogChange, removedTiers.report(), catalogRefusals);
    }

    private static void count(Map<String, Map<String, Long>> matrix, String from, String to) {
        matrix.computeIfAbsent(from, t -> new TreeMap<>()).merge(to, 1L, Long::sum);
    }

    private Map<String, BigDecimal> shares(Map<String, BigDecimal> revenue) {
        Map<String, BigDecimal> shares = new TreeMap<>();
        revenue.forEach((tier, amount) -> shares.put(tier, totalRevenue.signum() == 0 ? BigDecimal.ZERO
                : amount.divide(totalRevenue, 4, RoundingMode.HALF_UP)));
        return shares;
    }
}
