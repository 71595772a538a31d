package com.acme.tiering.ruleset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import com.acme.tiering.ruleset.SheetGrid.GridCell;
import com.acme.tiering.ruleset.TableColumns.Column;

/**
 * The DRL of a churn-trigger table ({@link ChurnTriggerTable}), one rule per row. The standard decision-table
 * compiler has no column that makes one call from five cells, nor a list cell without quotes, so the rules are written
 * here, from cells the safe dialect checked: conditions by putting the value into the column's template (as Drools
 * does), the tiers as {@code AssignedTier( tier in ("A", "B") )} and the signal as {@code decision.signal(...)}. No
 * cell holds a quote, a backslash or a line break, so none leaves the string or the number it is put into.
 */
final class ChurnTriggerDrl {

    private static final String TABLE = ChurnTriggerTable.TABLE;
    private static final String GROUP = "churn-trigger ";

    private ChurnTriggerDrl() {
    }

    /** One data row as the DRL needs it. */
    private record TriggerRow(int row, String trigger, String risk, String description, List<String> tiers,
            List<String> constraints, String action, String ownerRole, String hours, Map<String, String> cells) {
    }

    /**
     * The table as DRL, one rule per row, for cells the safe dialect accepted. Rule names carry the row, the trigger
     * and the risk; the {@code // rule values at} comment and the description comment are those Drools writes for
     * other tables, so that compile errors, the catalog and explanations find the row.
     */
    static GeneratedDrl drl(String file, SheetGrid grid) {
        GridCell start = ChurnTriggerTable.start(grid).orElseThrow(() -> new IllegalArgumentException(grid.sheet() + " has no " + TABLE));
        List<Column> columns = TableColumns.readTriggerTable(grid, start.row() + 1, start.column(),
                (cell, message, hint) -> {
                    throw new IllegalArgumentException(cell.ref() + ": " + message);
                }, null); // the safe dialect checked which attributes the conditions read
        List<TriggerRow> rows = new ArrayList<>();
        Map<Integer, Map<String, String>> cells = new HashMap<>();
        Map<Integer, String> nameCells = new HashMap<>();
        for (int r = start.row() + 5; r <= grid.lastRow(); r++) {
            int row = r;
            if (columns.stream().allMatch(c -> grid.text(row, c.index()).isEmpty())) {
                break;
            }
            TriggerRow trigger = row(grid, columns, start, row);
            rows.add(trigger);
            cells.put(row + 1, trigger.cells());
            columns.stream().filter(c -> "TRIGGER".equals(c.output())).findFirst()
                    .ifPresent(c -> nameCells.put(row + 1, grid.cell(row, c.index()).ref()));
        }
        StringBuilder drl = new StringBuilder("package ").append(packageName(grid)).append(";\n")
                .append(DecisionTableTranslator.HEADER).append('\n');
        List<TriggerRow> ordered = firingOrder(rows);
        for (int i = 0; i < ordered.size(); i++) {
            rule(drl, ordered.get(i), start, ordered.size() - i);
        }
        return new GeneratedDrl(file, grid.sheet(), DecisionTableTranslator.exactDecimals(drl.toString()), cells,
                nameCells);
    }

    private static TriggerRow row(SheetGrid grid, List<Column> columns, GridCell start, int row) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> cells = new LinkedHashMap<>();
        List<String> constraints = new ArrayList<>();
        String description = "";
        for (Column column : columns) {
            GridCell cell = grid.cell(row, column.index());
            if (cell.text().isEmpty()) {
                continue;
            }
            switch (column.kind()) {
                case TRIGGER -> {
                    values.put(column.output(), cell.text());
                    cells.put(cell.ref(), cell.text());
                }
                case CONDITION -> {
                    constraints.addAll(constraints(grid.text(start.row() + 3, column.index()), cell.text()));
                    cells.put(cell.ref(), cell.text());
                }
                case DESCRIPTION -> description = cell.text().replaceAll("\\s+", " ");
                default -> {
                }
            }
        }
        List<String> tiers = values.containsKey("TIERS") ? List.of(values.get("TIERS").split("\\s*,\\s*")) : List.of();
        return new TriggerRow(row + 1, values.get("TRIGGER"), values.get("RISK"), description, tiers, constraints,
                values.get("RECOMMENDED-ACTION"), values.get("OWNER-ROLE"), values.get("DUE-WITHIN-HOURS"), cells);
    }

    /**
     * A condition cell in its column's template. A fact compared with another fact times a factor is guarded
     * against either fact being unknown, as the DRL guarded {@code avgInterOrderDays != null}.
     */
    private static List<String> constraints(String template, String value) {
        Matcher factor = TableVocabulary.FACTOR_COMPARISON.matcher(template.trim());
        if (factor.matches()) {
            return List.of(factor.group(1) + " != null", factor.group(3) + " != null",
                    factor.group(1) + " " + factor.group(2) + " " + value + " * " + factor.group(3));
        }
        template = AttributeTemplates.condition("CustomerFacts", template);
        if (template.contains("$param")) {
            return List.of(template.replace("$param", value));
        }
        String[] values = value.split(",");
        String constraint = template;
        for (int i = values.length; i >= 1; i--) {
            constraint = constraint.replace("$" + i, values[i - 1].trim());
        }
        return List.of(constraint);
    }

    /**
     * Rows in table order, the rows of one trigger together where its first row is and highest risk first: the
     * salience the rules get from this order makes the highest risk of a trigger win its activation group, and the
     * signals come out in table order.
     */
    private static List<TriggerRow> firingOrder(List<TriggerRow> rows) {
        Map<String, List<TriggerRow>> byTrigger = rows.stream()
                .collect(Collectors.groupingBy(TriggerRow::trigger, LinkedHashMap::new, Collectors.toList()));
        Comparator<TriggerRow> highestRisk = Comparator.comparingInt(r -> TableVocabulary.RISKS.indexOf(r.risk()));
        return byTrigger.values().stream().flatMap(group -> group.stream().sorted(highestRisk)).toList();
    }

    private static void rule(StringBuilder drl, TriggerRow row, GridCell start, int salience) {
        drl.append("// rule values at ").append(start.ref().replaceAll("\\d", "")).append(row.row())
                .append(", header at ").append(start.ref()).append('\n');
        drl.append("rule \"").append(TABLE).append(" row ").append(row.row()).append(": ").append(row.trigger())
                .append(' ').append(row.risk()).append("\"\n");
        if (!row.description().isEmpty()) {
            drl.append("/* ").append(row.description()).append(" */\n");
        }
        drl.append("    activation-group \"").append(GROUP).append(row.trigger()).append("\"\n");
        drl.append("    salience ").append(salience).append('\n');
        drl.append("when\n    AssignedTier(");
        if (!row.tiers().isEmpty()) {
            drl.append(" tier in (").append(row.tiers().stream().map(t -> "\"" + t + "\"")
                    .collect(Collectors.joining(", "))).append(") ");
        }
        drl.append(")\n    CustomerFacts(");
        if (!row.constraints().isEmpty()) {
            drl.append(' ').append(String.join(", ", row.constraints())).append(' ');
        }
        drl.append(")\nthen\n    decision.signal(\"").append(row.trigger()).append("\", \"").append(row.risk())
                .append("\", \"").append(row.action()).append("\", ")
                .append(row.ownerRole() == null ? "null" : "\"" + row.ownerRole() + "\"").append(", ")
                .append(row.hours()).append(");\nend\n\n");
    }

    /** The package of the RuleSet cell, as Drools takes it for other tables. */
    private static String packageName(SheetGrid grid) {
        for (Map<Integer, GridCell> row : grid.rows().values()) {
            for (GridCell cell : row.values()) {
                if (cell.text().equalsIgnoreCase("RuleSet") && !grid.text(cell.row(), cell.column() + 1).isEmpty()) {
                    return grid.text(cell.row(), cell.column() + 1);
                }
            }
        }
        return "com.acme.tiering.rules";
    }
}
