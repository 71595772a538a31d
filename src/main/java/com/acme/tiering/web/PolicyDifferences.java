package com.acme.tiering.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.acme.tiering.web.PolicyComparison.Cell;
import com.acme.tiering.web.PolicyComparison.Change;

/**
 * What another version changes in the policy in force, one sentence per line that differs, as an operations manager
 * reads a change list before the tables: "Tier B: name Key → Gold", "Tier E added: Dormant, rank 4", "Trigger
 * BIG_DROP HIGH added (row 19)". Short values are quoted; long ones (descriptions, actions) are said to change.
 */
final class PolicyDifferences {

    /** @param section the page section it belongs to (its element id), for the link */
    public record Difference(String section, String text) {
    }

    private PolicyDifferences() {
    }

    static List<Difference> of(PolicyComparison policy) {
        List<Difference> differences = new ArrayList<>();
        policy.tiers().stream().filter(t -> t.change() != Change.UNCHANGED).forEach(t -> differences.add(
                new Difference("tier-catalog", sentence("Tier " + t.code(), t.change(),
                        t.change() == Change.ADDED ? t.name().after() + ", rank " + t.rank().after()
                                : t.change() == Change.REMOVED ? held(t.customersNow()) : null,
                        cells("name", t.name(), "rank", t.rank(), "colour", t.colour(), "replaces", t.replaces()),
                        cells("description", t.description())))));
        policy.entitlements().stream().filter(e -> e.change() != Change.UNCHANGED).forEach(e -> differences.add(
                new Difference("entitlements", sentence("Entitlement " + e.name(), e.change(),
                        e.change() == Change.ADDED ? e.type().after() : null,
                        cells("type", e.type()), cells("values", e.codes())))));
        policy.planRows().stream().filter(r -> r.change() != Change.UNCHANGED).forEach(r -> {
            Map<String, Cell> quoted = planCells(r, policy.columns());
            Map<String, Cell> named = cells("description", r.description());
            if (r.change() != Change.CHANGED || changed(quoted) || changed(named)) {
                differences.add(new Difference("plan-rows", sentence("Plan row '" + r.name().shown() + "'",
                        r.change(), r.change() == Change.ADDED ? "row " + r.row().after() + ", plan "
                                + r.plan().after() : null, quoted, named)));
            }
        });
        policy.triggers().stream().filter(t -> t.change() != Change.UNCHANGED).forEach(t -> differences.add(
                new Difference("churn-triggers", sentence("Trigger " + t.id().shown() + " " + t.risk().shown(),
                        t.change(), t.change() == Change.ADDED ? "row " + t.row().after() : null,
                        cells("trigger", t.id(), "risk", t.risk(), "conditions", t.conditions(), "tiers", t.tiers(),
                                "owner role", t.ownerRole(), "due within hours", t.hours()),
                        cells("description", t.description(), "recommended action", t.action())))));
        return differences;
    }

    /**
     * What a plan row's sentence quotes: its own cells and its values of the entitlements both versions have. The
     * values of an added or removed entitlement are the entitlement's change, which its own sentence says; the plan
     * table shows them row by row.
     */
    private static Map<String, Cell> planCells(PolicyComparison.PlanLine row, List<PolicyComparison.Column> columns) {
        Map<String, Cell> cells = cells("name", row.name(), "plan", row.plan(), "when", row.conditions());
        columns.stream().filter(column -> column.change() == Change.UNCHANGED || column.change() == Change.CHANGED)
                .forEach(column -> cells.put(column.name(), row.values().get(column.name())));
        return cells;
    }

    private static boolean changed(Map<String, Cell> cells) {
        return cells.values().stream().anyMatch(Cell::changed);
    }

    /**
     * @param added what an added or removed line is, in a few words; null for none
     * @param quoted the cells whose values a changed line names; {@code named} those it only says changed
     */
    private static String sentence(String what, Change change, String added, Map<String, Cell> quoted,
            Map<String, Cell> named) {
        if (change != Change.CHANGED) {
            return what + " " + change.name().toLowerCase(java.util.Locale.ROOT) + (added == null ? "" : ": " + added);
        }
        List<String> parts = new ArrayList<>();
        quoted.forEach((label, cell) -> {
            if (cell.changed()) {
                parts.add(label + " " + orNone(cell.before()) + " → " + orNone(cell.after()));
            }
        });
        named.forEach((label, cell) -> {
            if (cell.changed()) {
                parts.add(label + " changed");
            }
        });
        return what + ": " + String.join("; ", parts);
    }

    private static String held(Long customers) {
        return customers == null ? null : customers + (customers == 1 ? " customer holds" : " customers hold") + " it now";
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? "none" : value;
    }

    private static Map<String, Cell> cells(Object... labelsAndCells) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndCells.length; i += 2) {
            cells.put((String) labelsAndCells[i], (Cell) labelsAndCells[i + 1]);
        }
        return cells;
    }
}
