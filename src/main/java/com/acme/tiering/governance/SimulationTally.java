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

/** Counts what a simulation finds, customer by customer, in memory bounded by the number of codes. */
final class SimulationTally {

    static final int EXAMPLES_PER_CELL = 20;

    private final Set<String> tierRows;
    private final Map<String, Map<String, Long>> migration = new TreeMap<>();
    private final Map<String, Long> planChanges = new TreeMap<>();
    private final Map<String, Long> opening = new TreeMap<>();
    private final Map<String, Long> closing = new TreeMap<>();
    private final Map<String, BigDecimal> revenueBefore = new TreeMap<>();
    private final Map<String, BigDecimal> revenueAfter = new TreeMap<>();
    private final Map<String, List<String>> examples = new TreeMap<>();
    private BigDecimal totalRevenue = BigDecimal.ZERO;
    private long withoutTierRow;
    private long downgradesHeld;
    private int customers;

    /** @param tierRows sources of the simulated version's tier-table rows */
    SimulationTally(Set<String> tierRows) {
        this.tierRows = tierRows;
    }

    void add(Evaluation before, Evaluation after) {
        customers++;
        String from = before.qualifiedTier();
        String to = after.qualifiedTier();
        migration.computeIfAbsent(from, t -> new TreeMap<>()).merge(to, 1L, Long::sum);
        if (!after.tier().equals(to)) {
            downgradesHeld++;
        }
        if (!from.equals(to)) {
            List<String> cell = examples.computeIfAbsent(from + " → " + to, k -> new ArrayList<>());
            if (cell.size() < EXAMPLES_PER_CELL) {
                cell.add(after.customerId());
            }
        }
        String planBefore = plan(before);
        String planAfter = plan(after);
        if (!planBefore.equals(planAfter)) {
            planChanges.merge(planBefore + " → " + planAfter, 1L, Long::sum);
        }
        Set<String> firingBefore = triggers(before);
        Set<String> firingAfter = triggers(after);
        firingAfter.stream().filter(t -> !firingBefore.contains(t)).forEach(t -> opening.merge(t, 1L, Long::sum));
        firingBefore.stream().filter(t -> !firingAfter.contains(t)).forEach(t -> closing.merge(t, 1L, Long::sum));
        if (after.explanation().firedRules().stream().map(FiredRule::source).noneMatch(tierRows::contains)) {
            withoutTierRow++;
        }
        BigDecimal revenue = after.facts().revenueLast12m();
        totalRevenue = totalRevenue.add(revenue);
        revenueBefore.merge(from, revenue, BigDecimal::add);
        revenueAfter.merge(to, revenue, BigDecimal::add);
    }

    SimulationReport report(long versionId, String active, String simulated, LocalDate asOf) {
        return new SimulationReport(versionId, active, simulated, asOf, customers, migration, planChanges, opening,
                closing, withoutTierRow, downgradesHeld, shares(revenueBefore), shares(revenueAfter), examples);
    }

    private Map<String, BigDecimal> shares(Map<String, BigDecimal> revenue) {
        Map<String, BigDecimal> shares = new TreeMap<>();
        revenue.forEach((tier, amount) -> shares.put(tier, totalRevenue.signum() == 0 ? BigDecimal.ZERO
                : amount.divide(totalRevenue, 4, RoundingMode.HALF_UP)));
        return shares;
    }

    private static String plan(Evaluation evaluation) {
        return evaluation.servicePlan() == null ? "-" : evaluation.servicePlan().code();
    }

    private static Set<String> triggers(Evaluation evaluation) {
        Set<String> triggers = new HashSet<>();
        evaluation.churnSignals().forEach(signal -> triggers.add(signal.triggerId()));
        return triggers;
    }
}
