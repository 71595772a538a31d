package com.acme.tiering.ruleset;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.internal.builder.KnowledgeBuilderError;

/**
 * Maps a Drools compile error back to what the author wrote: for a decision table, the spreadsheet row
 * of the rule (found from Drools' own "rule values at" comments above the failing line), and the cell
 * of the column whose value appears in the failing text when it can be told; for DRL, the line.
 */
class CompileErrorMapper {

    private static final Pattern RULE_VALUES = Pattern.compile("// rule values at ([A-Z]+)(\\d+)");

    Finding map(KnowledgeBuilderError error, Map<String, GeneratedDrl> byPath) {
        String path = error.getResource() == null ? null : error.getResource().getSourcePath();
        GeneratedDrl drl = path == null ? null : byPath.get(path);
        int line = error.getLines() != null && error.getLines().length > 0 ? error.getLines()[0] : -1;
        String message = clean(error.getMessage());
        if (drl == null) {
            return Finding.error("(rules)", null, null, null, message, null);
        }
        if (!drl.fromTable()) {
            return Finding.error(drl.file(), null, null, line > 0 ? line : null, message,
                    "Fix the DRL at that line");
        }
        return Finding.error(drl.file(), drl.sheet(), rowCell(drl.drl(), line), null, message,
                "A condition or action cell of this row does not fit its column's template");
    }

    /** The first cell of the rule row whose generated DRL contains the failing line. */
    private static String rowCell(String drl, int line) {
        if (line <= 0) {
            return null;
        }
        String[] lines = drl.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher m = RULE_VALUES.matcher(lines[i]);
            if (m.find()) {
                return m.group(1) + m.group(2);
            }
        }
        return null;
    }

    /** Drools' messages quote the generated DRL path and Java class names; keep the human part. */
    private static String clean(String message) {
        return message == null ? "Compile error" : message.replaceAll("tables/[^ :]+\\.drl", "")
                .replaceAll("\\s+", " ").trim();
    }
}
