package com.acme.tiering.ruleset;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.compiler.compiler.DescrBuildError;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.internal.builder.KnowledgeBuilderError;

/**
 * Maps a Drools compile error back to what the author wrote. For a decision table: the rule's row (by the
 * rule named in the error, or by Drools' "rule values at" comment above the failing line) and, within the
 * row, the cell whose text the error quotes. For DRL: the line.
 */
class CompileErrorMapper {

    private static final Pattern RULE_VALUES = Pattern.compile("// rule values at ([A-Z]+)(\\d+)");
    private static final Pattern IN_RULE = Pattern.compile("in rule \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    /** @return the finding, or empty for Drools' follow-up noise ("Parser returned a null Package") */
    Optional<Finding> map(KnowledgeBuilderError error, Map<String, GeneratedDrl> byPath) {
        String path = error.getResource() == null ? null : error.getResource().getSourcePath();
        GeneratedDrl drl = path == null ? null : byPath.get(path);
        String message = clean(error.getMessage());
        if (message.startsWith("Parser returned a null Package")) {
            return Optional.empty();
        }
        int line = error.getLines() != null && error.getLines().length > 0 ? error.getLines()[0] : -1;
        if (drl == null) {
            return Optional.of(Finding.error("(rules)", null, null, null, message, null));
        }
        Optional<Finding> duplicate = DuplicateRuleFinding.of(withoutRuleName(message), drl, line > 0 ? line : null,
                byPath.values());
        if (duplicate.isPresent()) {
            return duplicate;
        }
        if (!drl.fromTable()) {
            return Optional.of(Finding.error(drl.file(), null, null, line > 0 ? line : null, message,
                    "Fix the DRL at that line"));
        }
        Integer row = ruleRow(error, message, drl, line);
        return Optional.of(Finding.error(drl.file(), drl.sheet(), row == null ? null : cell(drl, row, message), null,
                withoutRuleName(message), "This cell does not fit its column's template: check its value"));
    }

    private static Integer ruleRow(KnowledgeBuilderError error, String message, GeneratedDrl drl, int line) {
        String rule = null;
        if (error instanceof DescrBuildError build && build.getParentDescr() instanceof RuleDescr descr) {
            rule = descr.getName();
        }
        Matcher named = IN_RULE.matcher(message);
        if (rule == null && named.find()) {
            rule = named.group(1);
        }
        if (rule != null) {
            Matcher m = Pattern.compile("// rule values at [A-Z]+(\\d+)[^\\n]*\\n\\s*rule \"" + Pattern.quote(rule) + "\"")
                    .matcher(drl.drl());
            if (m.find()) {
                return Integer.valueOf(m.group(1));
            }
        }
        return line > 0 ? rowAbove(drl.drl(), line) : null;
    }

    /** The table row of the generated DRL line: the row named by the nearest "rule values at" comment above it. */
    static Integer rowAbove(String drl, int line) {
        String[] lines = drl.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher m = RULE_VALUES.matcher(lines[i]);
            if (m.find()) {
                return Integer.valueOf(m.group(2));
            }
        }
        return null;
    }

    /** The cell of the row whose text the error quotes (longest match wins), else the row's first cell. */
    private static String cell(GeneratedDrl drl, int row, String message) {
        Map<String, String> cells = drl.cells().getOrDefault(row, Map.of());
        String text = withoutRuleName(message);
        Matcher quoted = QUOTED.matcher(text);
        String token = quoted.find() ? quoted.group(1) : null;
        return cells.entrySet().stream()
                .filter(cell -> text.contains(cell.getValue()) || (token != null && cell.getValue().contains(token)))
                .max(Comparator.comparingInt(cell -> cell.getValue().length()))
                .map(Map.Entry::getKey)
                .orElse(cells.keySet().stream().findFirst().orElse("A" + row));
    }

    /** What a spreadsheet author can act on: no generated-DRL line numbers, rule names or parser position marks. */
    private static String withoutRuleName(String message) {
        String text = IN_RULE.matcher(message).replaceAll("").replaceAll("^\\[ERR \\d+\\] Line \\d+:\\d+ ", "");
        int near = text.indexOf(" [Near");
        return (near > 0 ? text.substring(0, near) : text).replaceAll("\\s+", " ").trim();
    }

    /** Drools' messages quote the generated DRL path and Java class names; keep the human part. */
    private static String clean(String message) {
        return message == null ? "Compile error" : message.replaceAll("tables/[^ :]+\\.drl", "")
                .replaceAll("\\s+", " ").trim();
    }
}
