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

        private static BigDecimal number(String text) {
            return TableVocabulary.NUMBER.matcher(text).matches() ? new BigDecimal(text) : null;
        }
    }

    /**
     * A data row: its first cell, its name, its analysable constraints, and whether it also has
     * conditions this check cannot reason about (then it is never taken as covering later rows).
     */
    record RuleRow(GridCell first, String name, List<Constraint> constraints, boolean opaque) {
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

    private static boolean covers(RuleRow earlier, RuleRow later) {
        return earlier.constraints().stream()
                .allMatch(c -> later.constraints().stream().anyMatch(c::impliedBy));
    }
}
