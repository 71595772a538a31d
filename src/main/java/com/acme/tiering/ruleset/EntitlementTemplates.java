package com.acme.tiering.ruleset;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Replaces each entitlement declaration in the template row of a RuleTable's ACTION columns with the call the
 * service generates for it ({@link EntitlementColumn#drlTemplate()}), just before Drools reads the table. Only
 * template cells are touched: rule rows stay the plain values the safe dialect checked.
 */
final class EntitlementTemplates {

    private EntitlementTemplates() {
    }

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
        Row templates = sheet.getRow(tableRow + 3);
        if (kinds == null || templates == null) {
            return;
        }
        for (int c = firstColumn; kinds.getCell(c) != null && !text(kinds.getCell(c)).isEmpty(); c++) {
            Cell template = templates.getCell(c);
            if (isAction(text(kinds.getCell(c))) && template != null
                    && EntitlementColumn.isDeclaration(text(template))) {
                String generated = EntitlementColumn.read(text(template)).drlTemplate();
                CellStyle style = template.getCellStyle();
                templates.removeCell(template); // inline strings are not rewritten in place
                Cell replaced = templates.createCell(c);
                replaced.setCellValue(generated);
                replaced.setCellStyle(style);
            }
        }
    }

    static String rewriteCsv(String csv) {
        List<List<String>> rows = CsvText.parse(csv).stream().map(java.util.ArrayList::new)
                .collect(Collectors.toList());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (rows.get(r).get(c).trim().startsWith("RuleTable") && r + 3 < rows.size()) {
                    List<String> kinds = rows.get(r + 1);
                    List<String> templates = rows.get(r + 3);
                    for (int k = c; k < kinds.size() && k < templates.size() && !kinds.get(k).isBlank(); k++) {
                        if (isAction(kinds.get(k)) && EntitlementColumn.isDeclaration(templates.get(k))) {
                            templates.set(k, EntitlementColumn.read(templates.get(k)).drlTemplate());
                        }
                    }
                }
            }
        }
        return rows.stream().map(row -> row.stream().map(EntitlementTemplates::quoted).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static boolean isAction(String kind) {
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
