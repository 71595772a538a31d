package com.acme.tiering.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * A condition template reading a declared customer attribute ({@code contractType == "$param"},
 * {@code orderCap >= $param}, {@code relationshipDepth in ($param)}) is written by the operations manager like one
 * reading a fact. Just before Drools reads the table, the service replaces it with the one call it generates for it,
 * {@code attributes.holds("contractType", "==", "$param")} ({@link com.acme.tiering.facts.AttributeValues#holds}):
 * the value always goes into a string the safe dialect checked, and a missing value matches no condition. Templates
 * reading facts, and every rule row, stay as they are.
 */
final class AttributeTemplates {

    private static final Pattern COMPARISON = Pattern.compile(
            "^([A-Za-z_]\\w*)\\s*(==|!=|<=|>=|<|>)\\s*\"?(\\$(?:param|\\d))\"?$");
    private static final Pattern IN_LIST = Pattern.compile(
            "^([A-Za-z_]\\w*)\\s+(in|not in)\\s*\\(\\s*(\\$param)\\s*\\)$");

    private AttributeTemplates() {
    }

    /**
     * A condition template of a column on the fact type, its parts that read attributes written as the service's
     * call; unchanged when it reads facts only or the type carries no attributes.
     */
    static String condition(String type, String template) {
        if (type == null || !FactModel.carriesAttributes(type)) {
            return template;
        }
        List<String> parts = new ArrayList<>();
        boolean changed = false;
        for (String part : template.split(",")) {
            String rewritten = part(type, part.trim());
            changed |= !rewritten.equals(part.trim());
            parts.add(rewritten);
        }
        return changed ? String.join(", ", parts) : template;
    }

    private static String part(String type, String part) {
        Matcher comparison = COMPARISON.matcher(part);
        Matcher in = IN_LIST.matcher(part);
        Matcher m = comparison.matches() ? comparison : in.matches() ? in : null;
        if (m == null || FactModel.properties(type).contains(m.group(1))) {
            return part;
        }
        return "attributes.holds(\"" + m.group(1) + "\", \"" + m.group(2) + "\", \"" + m.group(3) + "\")";
    }

    /** Every RuleTable of the workbook, in place. */
    static void rewrite(Workbook workbook) {
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (text(cell).startsWith("RuleTable")) {
                        rewriteTable(sheet, row.getRowNum(), cell.getColumnIndex());
                    }
                }
            }
        }
    }

    private static void rewriteTable(Sheet sheet, int tableRow, int firstColumn) {
        Row kinds = sheet.getRow(tableRow + 1);
        Row types = sheet.getRow(tableRow + 2);
        Row templates = sheet.getRow(tableRow + 3);
        if (kinds == null || templates == null) {
            return;
        }
        String type = null;
        for (int c = firstColumn; kinds.getCell(c) != null && !text(kinds.getCell(c)).isEmpty(); c++) {
            if (!isCondition(text(kinds.getCell(c)))) {
                type = null;
                continue;
            }
            String named = types == null || types.getCell(c) == null ? "" : text(types.getCell(c));
            type = named.isEmpty() ? type : objectType(named);
            Cell template = templates.getCell(c);
            String rewritten = template == null ? null : condition(type, text(template));
            if (rewritten != null && !rewritten.equals(text(template))) {
                CellStyle style = template.getCellStyle();
                templates.removeCell(template); // inline strings are not rewritten in place
                Cell replaced = templates.createCell(c);
                replaced.setCellValue(rewritten);
                replaced.setCellStyle(style);
            }
        }
    }

    /** The same for a table saved as .csv: the text Drools then reads. */
    static String rewriteCsv(String csv) {
        List<List<String>> rows = CsvText.parse(csv).stream().map(ArrayList::new).collect(Collectors.toList());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (rows.get(r).get(c).trim().startsWith("RuleTable") && r + 3 < rows.size()) {
                    rewriteCsvTable(rows.get(r + 1), rows.get(r + 2), rows.get(r + 3), c);
                }
            }
        }
        return rows.stream().map(row -> row.stream().map(AttributeTemplates::quoted).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static void rewriteCsvTable(List<String> kinds, List<String> types, List<String> templates, int first) {
        String type = null;
        for (int k = first; k < kinds.size() && !kinds.get(k).isBlank(); k++) {
            if (!isCondition(kinds.get(k))) {
                type = null;
                continue;
            }
            String named = k < types.size() ? types.get(k).trim() : "";
            type = named.isEmpty() ? type : objectType(named);
            if (k < templates.size()) {
                templates.set(k, condition(type, templates.get(k).trim()));
            }
        }
    }

    private static String objectType(String cell) {
        Matcher m = TableVocabulary.OBJECT_TYPE.matcher(cell);
        return m.matches() ? m.group(1) : null;
    }

    private static boolean isCondition(String kind) {
        String word = kind.trim().toUpperCase(Locale.ROOT);
        return word.equals("CONDITION") || word.equals("C");
    }

    private static String text(Cell cell) {
        return cell.getCellType() == CellType.STRING ? cell.getStringCellValue().trim() : "";
    }

    private static String quoted(String cell) {
        return cell.isEmpty() ? "" : "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
