package com.acme.tiering.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.acme.tiering.ruleset.RuleFile;

/**
 * Customer attribute declarations ({@code customer-attributes.xlsx}) as an operations manager saves them: sheet
 * {@code Attributes} with a header row (Name, Type, Allowed values, Min, Max, Required, Description) and one row per
 * attribute, and the code lists on sheet {@code Codes}. Also wrote the shipped {@code rules/customer-attributes.xlsx},
 * from {@link #SHIPPED} and {@link #SHIPPED_CODES}.
 */
public final class AttributeWorkbooks {

    public static final String FILE = "customer-attributes.xlsx";
    public static final List<String> COLUMNS = List.of("Name", "Type", "Allowed values", "Min", "Max", "Required",
            "Description");

    /** The shipped declaration: how deep the relationship with the customer goes; no rule reads it yet. */
    public static final List<Object[]> SHIPPED = List.<Object[]>of(row("relationshipDepth", "code:relationshipDepth",
            "", null, null, "no", "Who our main contact is in the customer's organisation: the one who decides, "
                    + "one who influences the decision, or a user of what we sell"));
    public static final Map<String, List<String>> SHIPPED_CODES = Map.of("relationshipDepth",
            List.of("DECISION_MAKER", "INFLUENCER", "USER"));

    private AttributeWorkbooks() {
    }

    public static Object[] row(String name, String type, String allowed, Object min, Object max, String required,
            String description) {
        return new Object[] { name, type, allowed, min, max, required, description };
    }

    /** The shipped declarations and one more row each. */
    public static RuleFile shippedAnd(Object[]... more) {
        List<Object[]> rows = new java.util.ArrayList<>(SHIPPED);
        rows.addAll(List.of(more));
        return new RuleFile(FILE, xlsx(rows, SHIPPED_CODES));
    }

    public static RuleFile declarations(List<Object[]> rows, Map<String, List<String>> codeLists) {
        return new RuleFile(FILE, xlsx(rows, codeLists));
    }

    /** The workbook: sheet Attributes (a bold header row, numbers as numbers, empty cells left out), sheet Codes. */
    public static byte[] xlsx(List<Object[]> rows, Map<String, List<String>> codeLists) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle header = Workbooks.headerStyle(workbook);
            Workbooks.headedSheet(workbook, "Attributes", header, COLUMNS, rows, 22, 26, 30, 10, 10, 10, 80);
            codes(workbook, new LinkedHashMap<>(codeLists), header);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static void codes(XSSFWorkbook workbook, Map<String, List<String>> codeLists, CellStyle header) {
        if (codeLists.isEmpty()) {
            return;
        }
        Sheet codes = workbook.createSheet("Codes");
        int column = 0;
        for (Map.Entry<String, List<String>> list : codeLists.entrySet()) {
            cell(codes, 0, column, list.getKey()).setCellStyle(header);
            for (int i = 0; i < list.getValue().size(); i++) {
                cell(codes, i + 1, column, list.getValue().get(i));
            }
            codes.setColumnWidth(column, 24 * 256);
            column++;
        }
    }

    private static org.apache.poi.ss.usermodel.Cell cell(Sheet sheet, int row, int column, String value) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        org.apache.poi.ss.usermodel.Cell cell = r.createCell(column);
        cell.setCellValue(value);
        return cell;
    }

    /**
     * A decision table with one more CONDITION column after its last one (the columns right of it move one to the
     * right, and the merged fact-type cell above the conditions spans the new one too), as an operations manager
     * inserts a column in Excel. Its rule rows are empty: no condition.
     */
    public static byte[] withConditionColumn(byte[] xlsx, String sheetName, String template, String label) {
        return edited(xlsx, sheetName, sheet -> {
            int table = tableRow(sheet);
            Row kinds = sheet.getRow(table + 1);
            int last = -1;
            for (org.apache.poi.ss.usermodel.Cell cell : kinds) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && cell.getStringCellValue().trim().equalsIgnoreCase("CONDITION")) {
                    last = Math.max(last, cell.getColumnIndex());
                }
            }
            int at = last + 1;
            sheet.shiftColumns(at, kinds.getLastCellNum(), 1);
            set(sheet, table + 1, at, "CONDITION");
            set(sheet, table + 3, at, template);
            set(sheet, table + 4, at, label);
            for (int i = sheet.getNumMergedRegions() - 1; i >= 0; i--) {
                org.apache.poi.ss.util.CellRangeAddress merged = sheet.getMergedRegion(i);
                if (merged.getFirstRow() == table + 2 && merged.getLastColumn() == last) {
                    sheet.removeMergedRegion(i);
                    sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(table + 2, table + 2,
                            merged.getFirstColumn(), at));
                }
            }
        });
    }

    /** The table with a row inserted at the 0-based row index (the rows from there move down), cells by column. */
    public static byte[] withRow(byte[] xlsx, String sheetName, int row, Map<Integer, Object> cells) {
        return edited(xlsx, sheetName, sheet -> {
            if (row <= sheet.getLastRowNum()) {
                sheet.shiftRows(row, sheet.getLastRowNum(), 1);
            }
            cells.forEach((column, value) -> {
                if (value instanceof Number number) {
                    set(sheet, row, column, null).setCellValue(number.doubleValue());
                }
                else {
                    set(sheet, row, column, String.valueOf(value));
                }
            });
        });
    }

    /** The 0-based index of the sheet's first {@code RuleTable} row. */
    public static int tableRow(Sheet sheet) {
        for (Row row : sheet) {
            for (org.apache.poi.ss.usermodel.Cell cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && cell.getStringCellValue().trim().startsWith("RuleTable")) {
                    return row.getRowNum();
                }
            }
        }
        throw new IllegalArgumentException(sheet.getSheetName() + " has no RuleTable");
    }

    private static byte[] edited(byte[] xlsx, String sheetName, java.util.function.Consumer<Sheet> edit) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            edit.accept(workbook.getSheet(sheetName));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Replaces a cell (inline strings are not rewritten in place); a null value leaves it empty to be set. */
    private static org.apache.poi.ss.usermodel.Cell set(Sheet sheet, int row, int column, String value) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        if (r.getCell(column) != null) {
            r.removeCell(r.getCell(column));
        }
        org.apache.poi.ss.usermodel.Cell cell = r.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        return cell;
    }

    /** Writes the shipped workbook: {@code java ... AttributeWorkbooks rules/customer-attributes.xlsx}. */
    public static void main(String[] args) throws IOException {
        java.nio.file.Files.write(java.nio.file.Path.of(args[0]), xlsx(SHIPPED, SHIPPED_CODES));
    }
}
