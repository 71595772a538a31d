package com.acme.tiering.ruleset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.acme.tiering.ruleset.SheetGrid.GridCell;
import com.acme.tiering.ruleset.TableColumns.Column;
import com.acme.tiering.ruleset.TableColumns.Kind;

/**
 * Every rule of a decision table keeps the fact patterns its table's conditions are about, even a row that leaves
 * all of them empty. Drools drops a pattern without constraints, and a rule without patterns fires at the first
 * stage: a catch-all plan row would fire before the {@code PlanContext} exists, and its entitlements would mix with
 * those of the row that matches once it does. With its pattern kept, such a row fires in its own stage, in its turn.
 */
final class TablePatterns {

    /** Drools' comment above each rule it generates: the rule's row, and the RuleTable cell of its table. */
    private static final Pattern RULE = Pattern.compile("(?m)^// rule values at [A-Z]+\\d+, header at ([A-Z]+\\d+)$");
    private static final Pattern WHEN = Pattern.compile("(?m)^([ \\t]*)when[ \\t]*\\n");
    private static final Pattern THEN = Pattern.compile("(?m)^[ \\t]*then\\b");

    private TablePatterns() {
    }

    /** The generated DRL of one sheet, each rule given the patterns of its table it lacks, as {@code Type()}. */
    static String kept(String drl, SheetGrid grid) {
        Map<String, Set<String>> typesByTable = typesByTable(grid);
        List<Integer> starts = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        Matcher rule = RULE.matcher(drl);
        while (rule.find()) {
            starts.add(rule.start());
            tables.add(rule.group(1));
        }
        if (starts.isEmpty()) {
            return drl;
        }
        StringBuilder kept = new StringBuilder(drl.substring(0, starts.get(0)));
        for (int i = 0; i < starts.size(); i++) {
            String block = drl.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : drl.length());
            kept.append(withPatterns(block, typesByTable.getOrDefault(tables.get(i), Set.of())));
        }
        return kept.toString();
    }

    /** One rule's text with a constraint-free pattern for each of its table's fact types its conditions lack. */
    private static String withPatterns(String rule, Set<String> types) {
        Matcher when = WHEN.matcher(rule);
        if (types.isEmpty() || !when.find()) {
            return rule;
        }
        Matcher then = THEN.matcher(rule);
        String lhs = then.find(when.end()) ? rule.substring(when.end(), then.start()) : rule.substring(when.end());
        StringBuilder missing = new StringBuilder();
        for (String type : types) {
            if (!Pattern.compile("(?<![\\w.])" + type + "\\s*\\(").matcher(lhs).find()) {
                missing.append(when.group(1)).append('\t').append(type).append("()\n");
            }
        }
        return rule.substring(0, when.end()) + missing + rule.substring(when.end());
    }

    /** The fact types of each RuleTable's CONDITION columns, by the A1 reference of its RuleTable cell. */
    private static Map<String, Set<String>> typesByTable(SheetGrid grid) {
        Map<String, Set<String>> types = new HashMap<>();
        grid.rows().values().forEach(row -> row.values().stream().filter(c -> c.text().startsWith("RuleTable"))
                .forEach(start -> types.put(start.ref(), conditionTypes(grid, start))));
        return types;
    }

    private static Set<String> conditionTypes(SheetGrid grid, GridCell start) {
        Set<String> types = new LinkedHashSet<>();
        TableColumns.read(grid, start.row() + 1, start.column(), (cell, message, hint) -> { }).stream()
                .filter(column -> column.kind() == Kind.CONDITION && column.type() != null).map(Column::type)
                .forEach(types::add);
        return types;
    }
}
