package com.acme.tiering.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.acme.tiering.governance.SimulationReport;

/**
 * A simulation's tier migration matrix as a heat map: rows are the tiers under the rules in force, columns the
 * tiers under the simulated version. A changed cell's colour grows with its count, relative to the largest
 * changed cell; the diagonal (customers who keep their tier) is shown apart, as it dwarfs every change.
 */
public record TierHeatmap(List<String> tiers, List<Row> rows, long changed) {

    public record Row(String from, List<Cell> cells) {
    }

    /** @param heat 0 to 100: how strongly the cell is coloured */
    public record Cell(String from, String to, long count, int heat, boolean same) {

        /** Dark cells carry white numbers. */
        public boolean dark() {
            return heat >= 55;
        }
    }

    /** A tier's share of revenueLast12m before and after, as fractions of 1. */
    public record Share(String tier, BigDecimal before, BigDecimal after) {
    }

    /** @param order the tiers of the catalog in force, highest first */
    static TierHeatmap of(Map<String, Map<String, Long>> migration, List<String> order) {
        List<String> tiers = tiers(migration.keySet(), migration.values().stream().flatMap(m -> m.keySet().stream()).toList(),
                order);
        long largest = 0;
        long changed = 0;
        for (String from : tiers) {
            for (String to : tiers) {
                long count = count(migration, from, to);
                if (!from.equals(to)) {
                    largest = Math.max(largest, count);
                    changed += count;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String from : tiers) {
            List<Cell> cells = new ArrayList<>();
            for (String to : tiers) {
                long count = count(migration, from, to);
                int heat = from.equals(to) || count == 0 ? 0 : (int) Math.max(12, Math.round(100.0 * count / largest));
                cells.add(new Cell(from, to, count, heat, from.equals(to)));
            }
            rows.add(new Row(from, cells));
        }
        return new TierHeatmap(tiers, rows, changed);
    }

    static List<Share> shares(SimulationReport report, List<String> order) {
        return tiers(report.revenueShareBefore().keySet(), report.revenueShareAfter().keySet(), order).stream()
                .map(tier -> new Share(tier, report.revenueShareBefore().getOrDefault(tier, BigDecimal.ZERO),
                        report.revenueShareAfter().getOrDefault(tier, BigDecimal.ZERO)))
                .toList();
    }

    public boolean hasTier(String tier) {
        return tiers.contains(tier);
    }

    /** The tiers of the catalog in force, best first, then any other a version assigns. */
    private static List<String> tiers(java.util.Collection<String> some, java.util.Collection<String> others,
            List<String> order) {
        TreeSet<String> all = new TreeSet<>(some);
        all.addAll(others);
        List<String> ordered = new ArrayList<>(order.stream().filter(all::contains).toList());
        all.stream().filter(tier -> !ordered.contains(tier)).forEach(ordered::add);
        return ordered;
    }

    private static long count(Map<String, Map<String, Long>> migration, String from, String to) {
        return migration.getOrDefault(from, Map.of()).getOrDefault(to, 0L);
    }
}
