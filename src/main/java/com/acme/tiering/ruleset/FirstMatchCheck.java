package com.acme.tiering.ruleset;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.acme.tiering.ruleset.SheetGrid.GridCell;

/**
 * In a first-match table a row can never fire when an earlier row matches every customer it matches:
 * each of the earlier row's conditions is implied by the later row's. Such rows are findings.
 */
final class FirstMatchCheck {

    /** {@code fact op value}; {@code value} is a number for numeric conditions, else text. */
    record Constraint(String fact, String op, String value) {

        boolean impliedBy(Constraint other) {
            if (!fact.equals(other.fact)) {
                return false;
            }
            if (op.equals("==") && other.op.equals("==")) {
                return value.equals(other.value);
            }
            BigDecimal bound = number(value);
            BigDecimal otherBound = number(other.value);
            if (bound == null || otherBound == null) {
                return false;
            }
            int cmp = otherBound.compareTo(bound);
            return switch (op) {
                case "<=" -> (other.op.equals("<=") || other.op.equals("<") || other.op.equals("==")) && cmp <= 0;
                case "<" -> (other.op.equals("<") && cmp <= 0) || ((other.op.equals("<=") || other.op.equals("=="))
                        && cmp < 0);
                case ">=" -> (other.op.equals(">=") || other.op.equals(">") || other.op.equals("==")) && cmp >= 0;
                case ">" -> (other.op.equals(">") && cmp >= 0) || ((other.op.equals(">=") || other.op.equals("=="))
                        && cmp > 0);
                default -> false;
            };
        }

        static BigDecimal number(String text) {
            return TableVocabulary.NUMBER.matcher(text).matches() ? new BigDecimal(text) : null;
        }
    }

    /**
     * A data row: its first cell, its name, its analysable constraints, and whether it also has
     * conditions this check cannot reason about (then it is never taken as covering later rows).
     */
    record RuleRow(GridCell first, String name, List<Constraint> constraints, boolean opaque, String outcome) {
    }

    private FirstMatchCheck() {
    }

    static List<Finding> unreachable(String file, String sheet, List<RuleRow> rows) {
        List<Finding> findings = new ArrayList<>();
        for (int j = 1; j < rows.size(); j++) {
            RuleRow later = rows.get(j);
            for (int i = 0; i < j; i++) {
                RuleRow earlier = rows.get(i);
                if (!earlier.opaque() && covers(earlier, later)) {
                    findings.add(Finding.error(file, sheet, later.first().ref(), null, "This row can never fire: row "
                            + (earlier.first().row() + 1) + " (" + earlier.name() + ") matches every customer it "
                            + "matches and comes first", "Move this row above row " + (earlier.first().row() + 1)
                                    + " or narrow that row's conditions"));
                    break;
                }
            }
        }
        return findings;
    }

    /**
     * In a table where every matching row fires, two rows that can match the same customer but set
     * different outcomes contradict each other: the later one silently wins. Such pairs are findings.
     */
    static List<Finding> overlapping(String file, String sheet, List<RuleRow> rows) {
        List<Finding> findings = new ArrayList<>();
        for (int j = 1; j < rows.size(); j++) {
            for (int i = 0; i < j; i++) {
                RuleRow a = rows.get(i);
                RuleRow b = rows.get(j);
                if (!a.opaque() && !b.opaque() && !a.outcome().equals(b.outcome()) && canBothMatch(a, b)) {
                    findings.add(Finding.error(file, sheet, b.first().ref(), null, "This row and row "
                            + (a.first().row() + 1) + " (" + a.name() + ") can match the same customer with "
                            + "different outcomes", "Make their conditions exclusive, or make the table first-match "
                                    + "(Sequential true with an ACTIVATION-GROUP)"));
                }
            }
        }
        return findings;
    }

    /** Every fact both rows constrain leaves some value both accept. */
    private static boolean canBothMatch(RuleRow a, RuleRow b) {
        List<Constraint> all = new ArrayList<>(a.constraints());
        all.addAll(b.constraints());
        return all.stream().map(Constraint::fact).distinct().allMatch(fact -> satisfiable(all.stream()
                .filter(c -> c.fact().equals(fact)).toList()));
    }

    private static boolean satisfiable(List<Constraint> constraints) {
        BigDecimal low = null;
        BigDecimal high = null;
        boolean lowOpen = false;
        boolean highOpen = false;
        String text = null;
        for (Constraint c : constraints) {
            BigDecimal bound = Constraint.number(c.value());
            if (bound == null) {
                if (c.op().equals("==") && text != null && !text.equals(c.value())) {
                    return false;
                }
                text = c.op().equals("==") ? c.value() : text;
                continue;
            }
            switch (c.op()) {
                case ">", ">=" -> {
                    if (low == null || bound.compareTo(low) > 0 || (bound.compareTo(low) == 0 && c.op().equals(">"))) {
                        low = bound;
                        lowOpen = c.op().equals(">");
                    }
                }
                case "<", "<=" -> {
                    if (high == null || bound.compareTo(high) < 0 || (bound.compareTo(high) == 0 && c.op().equals("<"))) {
                        high = bound;
                        highOpen = c.op().equals("<");
                    }
                }
                case "==" -> {
                    if (low == null || bound.compareTo(low) > 0) {
                        low = bound;
                        lowOpen = false;
                    }
                    if (high == null || bound.compareTo(high) < 0) {
                        high = bound;
                        highOpen = false;
                    }
                }
                default -> {
                }
            }
        }
        if (low == null || high == null) {
            return true;
        }
        int cmp = low.compareTo(high);
        return cmp < 0 || (cmp == 0 && !lowOpen && !highOpen);
    }

    private static boolean covers(RuleRow earlier, RuleRow later) {
        return earlier.constraints().stream()
                .allMatch(c -> later.constraints().stream().anyMatch(c::impliedBy));
    }
}
