package com.acme.tiering.ruleset;

import static com.acme.tiering.ruleset.TableVocabulary.RANGES;
import static com.acme.tiering.ruleset.TableVocabulary.STRING_LITERAL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.acme.tiering.ruleset.SheetGrid.GridCell;
import com.acme.tiering.ruleset.TableColumns.Column;

/**
 * What the safe dialect checks of declared entitlement columns: each name once per table, each code list on the
 * Codes sheet, and each rule row's value of the declared type.
 */
final class EntitlementCells {

    /** A problem with a cell, in the words of a finding. */
    record Problem(GridCell cell, String message, String hint) {
    }

    private EntitlementCells() {
    }

    /** The table's declarations: names unique (also against the entitlements of the built-in actions), lists known. */
    static List<Problem> declarations(SheetGrid grid, int templateRow, List<Column> columns,
            Map<String, List<String>> codeLists) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Column column : columns) {
            if (column.kind() != TableColumns.Kind.ACTION || column.output() == null) {
                continue;
            }
            GridCell template = grid.cell(templateRow, column.index());
            String first = seen.putIfAbsent(column.output(), template.ref());
            if (first != null) {
                problems.add(new Problem(template, "The entitlement '" + column.output() + "' is already declared in "
                        + first, "Each entitlement has one column"));
            }
            EntitlementColumn declared = column.entitlement();
            if (declared != null && declared.type() == EntitlementType.CODE
                    && !codeLists.containsKey(declared.codeList())) {
                problems.add(new Problem(template, "There is no code list '" + declared.codeList() + "'",
                        codeLists.isEmpty() ? "Declare it on a sheet named Codes: the list's name in the first row, "
                                + "its codes below (workbooks only; a .csv table has one sheet)"
                                : "Code lists on the Codes sheet: " + String.join(", ", codeLists.keySet())));
            }
        }
        return problems;
    }

    /** A rule row's value of a declared entitlement, checked against its type; null when it is a good one. */
    static Problem value(EntitlementColumn declared, GridCell cell, Map<String, List<String>> codeLists) {
        Object value;
        try {
            value = declared.type().value(cell.text());
        }
        catch (IllegalArgumentException wrong) {
            return new Problem(cell, wrong.getMessage() + " (" + declared.described() + ")", switch (declared.type()) {
                case INTEGER -> "Type a whole number such as 12";
                case DECIMAL -> "Type a number such as 2.5";
                case YES_NO -> "Type yes or no";
                default -> null;
            });
        }
        if (value instanceof String text) {
            List<String> codes = codeLists.get(declared.codeList());
            if (declared.type() == EntitlementType.CODE && codes != null && !codes.contains(text)) {
                return new Problem(cell, "'" + text + "' is not a code of " + declared.codeList(),
                        "Use one of " + String.join(", ", codes));
            }
            if (!STRING_LITERAL.matcher(text).matches()) {
                return new Problem(cell, "'" + text + "' is not a plain value", "Values are words, codes or numbers: "
                        + "no quotes, brackets, semicolons or operators");
            }
        }
        double[] range = RANGES.get(declared.name());
        if (value instanceof Number number && range != null
                && (number.doubleValue() < range[0] || number.doubleValue() > range[1])) {
            return new Problem(cell, declared.name() + " must be between " + plain(range[0]) + " and "
                    + plain(range[1]) + ", not " + cell.text(), null);
        }
        return null;
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
