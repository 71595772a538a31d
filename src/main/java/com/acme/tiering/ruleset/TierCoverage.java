package com.acme.tiering.ruleset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.acme.tiering.ruleset.SheetGrid.GridCell;
import com.acme.tiering.ruleset.TableColumns.Column;
import com.acme.tiering.ruleset.TableColumns.Kind;

/**
 * Every tier of the catalog needs a service plan: some row of a plan table (a RuleTable with a {@code plan} action)
 * names it in its tier condition, or leaves that condition empty and so covers every tier. A tier without one
 * would leave its customers without entitlements, so it is a finding on the tier's Code cell.
 */
final class TierCoverage {

    private TierCoverage() {
    }

    /** @param rules the rule files but the catalog, which was read without findings */
    static List<Finding> uncovered(List<RuleFile> rules, TierCatalogReader.Read catalog) {
        Set<String> covered = new HashSet<>();
        List<String> planTables = new ArrayList<>();
        for (RuleFile file : rules) {
            for (SheetGrid grid : grids(file)) {
                for (GridCell start : tableStarts(grid)) {
                    List<Column> columns = TableColumns.read(grid, start.row() + 1, start.column(), (c, m, h) -> { });
                    if (columns.stream().anyMatch(c -> c.kind() == Kind.ACTION && "plan".equals(c.output()))) {
                        planTables.add(file.name() + " › " + grid.sheet());
                        covered.addAll(tiersOfRows(grid, start, columns, catalog.catalog()));
                    }
                }
            }
        }
        if (planTables.isEmpty()) {
            return List.of();
        }
        return catalog.catalog().byRank().stream().filter(tier -> !covered.contains(tier.code()))
                .map(tier -> catalog.about(tier.code(), "No service plan covers tier " + tier.code() + " ("
                        + tier.name() + "): no row of " + String.join(", ", planTables) + " names it",
                        "Add a plan row whose tier is " + tier.code() + ", or one with an empty tier cell"))
                .toList();
    }

    /** A file the safe dialect has read already; one it could not read leaves its findings to the translator. */
    private static List<SheetGrid> grids(RuleFile file) {
        try {
            return SheetGrid.of(file);
        }
        catch (java.io.IOException | RuntimeException unreadable) {
            return List.of();
        }
    }

    private static List<GridCell> tableStarts(SheetGrid grid) {
        List<GridCell> starts = new ArrayList<>();
        grid.rows().values().forEach(row -> row.values().stream().filter(c -> c.text().startsWith("RuleTable"))
                .forEach(starts::add));
        return starts;
    }

    /** The tiers the table's rows name; all of them once a row leaves its tier condition empty. */
    private static Set<String> tiersOfRows(SheetGrid grid, GridCell start, List<Column> columns, TierCatalog tiers) {
        Set<String> named = new HashSet<>();
        List<Column> tierColumns = columns.stream().filter(c -> c.kind() == Kind.CONDITION
                && c.facts().contains("tier")).toList();
        for (int r = start.row() + 5; r <= grid.lastRow(); r++) {
            int row = r;
            if (columns.stream().allMatch(c -> grid.text(row, c.index()).isEmpty())) {
                break;
            }
            Set<String> ofRow = new HashSet<>(tiers.codes());
            for (Column column : tierColumns) {
                ofRow.retainAll(named(column, grid.text(row, column.index()), tiers));
            }
            named.addAll(ofRow);
        }
        return named;
    }

    /** The tiers one cell lets through: those it names with == or in, every tier when empty or compared otherwise. */
    private static List<String> named(Column column, String text, TierCatalog tiers) {
        int index = column.facts().indexOf("tier");
        String op = column.ops().get(index);
        if (text.isEmpty() || !(op.equals("==") || op.equals("in"))) {
            return tiers.codes();
        }
        String[] values = text.split(",");
        if (column.facts().size() > 1) {
            return values.length > index ? List.of(values[index].trim()) : tiers.codes();
        }
        return java.util.Arrays.stream(values).map(v -> v.trim().replaceAll("^\"|\"$", "")).toList();
    }
}
