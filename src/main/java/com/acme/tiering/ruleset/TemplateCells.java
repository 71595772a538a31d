package com.acme.tiering.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The template row of every RuleTable in a decision table, rewritten cell by cell just before Drools reads it: where
 * the operations manager wrote a declaration or a name the service stands in for (an entitlement, a customer attribute),
 * the service writes the one call it generates. Only template cells are touched; rule rows stay the plain values the
 * safe dialect checked. One walk over the tables for every rewrite, in workbooks and in .csv alike.
 */
final class TemplateCells {

    /** What to write in place of a template cell: the template itself to leave it as it is. */
    @FunctionalInterface
    interface Rewrite {

        /**
         * @param kind the column's kind cell, e.g. {@code CONDITION} or {@code ACTION}
         * @param objectType the fact type a CONDITION column's pattern reads (its own cell, or the merged one to its
         *        left), null for other columns
         * @param template the template cell's text, trimmed
         */
        String apply(String kind, String objectType, String template);

        default Rewrite then(Rewrite next) {
            return (kind, type, template) -> next.apply(kind, type, apply(kind, type, template));
        }
    }

    private TemplateCells() {
    }

    static void rewrite(Workbook workbook, Rewrite rewrite) {
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (text(cell).startsWith("RuleTable")) {
                        rewriteTable(sheet, row.getRowNum(), cell.getColumnIndex(), rewrite);
                    }
                }
            }
        }
    }

    private static void rewriteTable(Sheet sheet, int tableRow, int firstColumn, Rewrite rewrite) {
        Row kinds = sheet.getRow(tableRow + 1);
        Row types = sheet.getRow(tableRow + 2);
        Row templates = sheet.getRow(tableRow + 3);
        if (kinds == null || templates == null) {
            return;
        }
        String type = null;
        for (int c = firstColumn; kinds.getCell(c) != null && !text(kinds.getCell(c)).isEmpty(); c++) {
            String kind = text(kinds.getCell(c));
            type = objectType(kind, types == null || types.getCell(c) == null ? "" : text(types.getCell(c)), type);
            Cell template = templates.getCell(c);
            if (template == null) {
                continue;
            }
            String rewritten = rewrite.apply(kind, type, text(template));
            if (!rewritten.equals(text(template))) {
                CellStyle style = template.getCellStyle();
                templates.removeCell(template); // inline strings are not rewritten in place
                Cell replaced = templates.createCell(c);
                replaced.setCellValue(rewritten);
                replaced.setCellStyle(style);
            }
        }
    }

    /** The same for a table saved as .csv: the text Drools then reads. */
    static String rewriteCsv(String csv, Rewrite rewrite) {
        List<List<String>> rows = CsvText.parse(csv).stream().map(ArrayList::new).collect(Collectors.toList());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (rows.get(r).get(c).trim().startsWith("RuleTable") && r + 3 < rows.size()) {
                    rewriteCsvTable(rows.get(r + 1), rows.get(r + 2), rows.get(r + 3), c, rewrite);
                }
            }
        }
        return rows.stream().map(row -> row.stream().map(TemplateCells::quoted).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static void rewriteCsvTable(List<String> kinds, List<String> types, List<String> templates, int first,
            Rewrite rewrite) {
        String type = null;
        for (int k = first; k < kinds.size() && !kinds.get(k).isBlank(); k++) {
            String kind = kinds.get(k).trim();
            type = objectType(kind, k < types.size() ? types.get(k).trim() : "", type);
            if (k < templates.size()) {
                String template = templates.get(k).trim();
                String rewritten = rewrite.apply(kind, type, template);
                if (!rewritten.equals(template)) {
                    templates.set(k, rewritten);
                }
            }
        }
    }

    /** A CONDITION column's fact type: its own cell, else the one to its left (a merged cell); null for others. */
    private static String objectType(String kind, String named, String left) {
        if (!isCondition(kind)) {
            return null;
        }
        if (named.isEmpty()) {
            return left;
        }
        Matcher m = TableVocabulary.OBJECT_TYPE.matcher(named);
        return m.matches() ? m.group(1) : null;
    }

    static boolean isCondition(String kind) {
        String word = kind.trim().toUpperCase(Locale.ROOT);
        return word.equals("CONDITION") || word.equals("C");
    }

    static boolean isAction(String kind) {
        String word = kind.trim().toUpperCase(Locale.ROOT);
        return word.equals("ACTION") || word.equals("A");
    }

    private static String text(Cell cell) {
        return cell.getCellType() == CellType.STRING ? cell.getStringCellValue().trim() : "";
    }

    private static String quoted(String cell) {
        return cell.isEmpty() ? "" : "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
