package com.acme.tiering.ruleset;

import java.util.List;
import java.util.Optional;

import com.acme.tiering.ruleset.SheetGrid.GridCell;
import com.acme.tiering.ruleset.TableColumns.Column;
import com.acme.tiering.ruleset.TableColumns.Kind;
import com.acme.tiering.ruleset.TableColumns.Problems;

/**
 * A churn-trigger table ({@code RuleTable ChurnTriggers}): one row per trigger and risk, columns TRIGGER,
 * DESCRIPTION, CONDITION columns over the customer's facts, TIERS (empty: every tier), RISK, RECOMMENDED-ACTION,
 * OWNER-ROLE and DUE-WITHIN-HOURS.
 *
 * <p>Every row whose conditions hold fires, not only the first. Rows sharing a trigger id give one signal, the highest
 * risk among those that hold: their rules share an activation group, and within it the higher risk has the higher
 * salience (what the DRL's {@code activation-group} and {@code salience} did). Signals come in table order.
 *
 * <p>This class checks what such a table may hold, cell by cell; {@link ChurnTriggerDrl} writes the rules.
 */
final class ChurnTriggerTable {

    static final String TABLE = "ChurnTriggers";

    private static final List<String> REQUIRED = List.of("TRIGGER", "RISK", "RECOMMENDED-ACTION", "DUE-WITHIN-HOURS");
    private static final int MAX_HOURS = 8760;
    /** An alert's recommended action holds 400 characters (V1). */
    private static final int MAX_ACTION = 400;

    private ChurnTriggerTable() {
    }

    /** Whether a RuleTable cell starts a churn-trigger table. */
    static boolean starts(GridCell cell) {
        return cell.text().startsWith("RuleTable") && cell.text().substring("RuleTable".length()).trim().equals(TABLE);
    }

    /** The {@code RuleTable ChurnTriggers} cell of the sheet, if it holds that table. */
    static Optional<GridCell> start(SheetGrid grid) {
        return grid.rows().values().stream().flatMap(row -> row.values().stream()).filter(ChurnTriggerTable::starts)
                .findFirst();
    }

    /** The columns the signal needs are there, once each. */
    static void checkColumns(List<Column> columns, GridCell start, Problems problems) {
        for (String keyword : TableVocabulary.TRIGGER_COLUMNS) {
            long count = columns.stream().filter(c -> keyword.equals(c.output())).count();
            if (count == 0 && (REQUIRED.contains(keyword) || keyword.equals("TIERS"))) {
                problems.report(start, "The trigger table has no " + keyword + " column", "Its columns are TRIGGER, "
                        + "DESCRIPTION, CONDITION …, TIERS, RISK, RECOMMENDED-ACTION, OWNER-ROLE, DUE-WITHIN-HOURS");
            }
            else if (count > 1) {
                problems.report(start, "The trigger table has " + count + " " + keyword + " columns", "Keep one");
            }
        }
    }

    /**
     * One signal cell (a column of kind TRIGGER), not empty.
     *
     * @param tiers the version's tier catalog, which the TIERS cells must name; null when it could not be read
     *        (its own findings say why)
     */
    static void checkCell(Column column, GridCell cell, TierCatalog tiers, Problems problems) {
        String text = cell.text();
        switch (column.output()) {
            case "TRIGGER" -> check(TableVocabulary.TRIGGER_ID.matcher(text).matches(), cell, problems,
                    "'" + text + "' is not a trigger id", "Capitals and _, e.g. OVERDUE_PURCHASE");
            case "TIERS" -> {
                for (String tier : text.split(",", -1)) {
                    check(tiers == null || tiers.contains(tier.trim()), cell, problems, "'" + tier.trim()
                            + "' is not a known tier: the tier catalog has no tier " + tier.trim(), "List tier codes separated by commas, e.g. A, B ("
                            + (tiers == null ? "" : tiers.describe() + "; ") + "leave the cell empty for every tier)");
                }
            }
            case "RISK" -> check(TableVocabulary.RISKS.contains(text), cell, problems, "'" + text
                    + "' is not a risk", "Use one of " + String.join(", ", TableVocabulary.RISKS));
            case "RECOMMENDED-ACTION" -> check(TableVocabulary.STRING_LITERAL.matcher(text).matches()
                    && text.length() <= MAX_ACTION, cell, problems,
                    "'" + text + "' is not a plain text", "Words and numbers, at most " + MAX_ACTION
                    + " characters: no quotes, brackets, commas or semicolons");
            case "OWNER-ROLE" -> check(TableVocabulary.OWNER_ROLE.matcher(text).matches(), cell, problems,
                    "'" + text + "' is not a role code", "Capitals, digits and _, e.g. ACCOUNT_MANAGER");
            case "DUE-WITHIN-HOURS" -> check(text.matches("\\d{1,4}") && Integer.parseInt(text) >= 1
                    && Integer.parseInt(text) <= MAX_HOURS, cell, problems, "'" + text
                            + "' is not a number of hours", "A whole number from 1 to " + MAX_HOURS);
            default -> throw new IllegalArgumentException(column.output());
        }
    }

    /** A row gives a signal only with a trigger id, a risk, a recommended action and the hours to act. */
    static void checkRow(List<Column> columns, SheetGrid grid, int row, Problems problems) {
        for (Column column : columns) {
            GridCell cell = grid.cell(row, column.index());
            if (column.kind() == Kind.TRIGGER && REQUIRED.contains(column.output()) && cell.text().isEmpty()) {
                problems.report(cell, "The row has no " + column.output().toLowerCase(java.util.Locale.ROOT)
                        .replace('-', ' '), "Every trigger row needs its " + String.join(", ", REQUIRED));
            }
        }
    }

    private static void check(boolean ok, GridCell cell, Problems problems, String message, String hint) {
        if (!ok) {
            problems.report(cell, message, hint);
        }
    }
}
