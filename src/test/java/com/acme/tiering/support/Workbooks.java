package com.acme.tiering.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Edited copies of .xlsx rule files, as an operations manager would save them after changing a cell or the format. */
public final class Workbooks {

    private Workbooks() {
    }

    /** Bold on pale blue: the header rows of the workbooks the tests write, as the shipped ones look. */
    public static CellStyle headerStyle(Workbook workbook) {
        CellStyle header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return header;
    }

    /**
     * A sheet with a header row of these columns and one row per entry below it: numbers as numbers, empty cells left
     * out, columns {@code widths} characters wide, the header row frozen.
     */
    public static Sheet headedSheet(Workbook workbook, String name, CellStyle header, List<String> columns,
            List<Object[]> rows, int... widths) {
        Sheet sheet = workbook.createSheet(name);
        Row titles = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            titles.createCell(c).setCellValue(columns.get(c));
            titles.getCell(c).setCellStyle(header);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            Object[] values = rows.get(r);
            for (int c = 0; c < values.length; c++) {
                if (values[c] instanceof Number number) {
                    row.createCell(c).setCellValue(number.doubleValue());
                }
                else if (values[c] != null && !values[c].toString().isEmpty()) {
                    row.createCell(c).setCellValue(values[c].toString());
                }
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /**
     * A copy with one cell (0-based row and column) set to a number or a text. The cell is replaced rather
     * than edited: the shipped workbooks hold inline strings, which POI does not rewrite in place.
     */
    public static byte[] withCell(byte[] xlsx, String sheetName, int row, int column, Object value) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = sheetName == null ? workbook.getSheetAt(0) : workbook.getSheet(sheetName);
            Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
            if (r.getCell(column) != null) {
                r.removeCell(r.getCell(column));
            }
            if (value instanceof Number number) {
                r.createCell(column).setCellValue(number.doubleValue());
            }
            else {
                r.createCell(column).setCellValue(String.valueOf(value));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * The workbook saved in the Excel 97 format (.xls), as LibreOffice or an older Excel does: every sheet with its
     * cell values and merged ranges (a decision table's object-type cell is merged over its conditions); no formatting.
     */
    public static byte[] asXls(byte[] xlsx) {
        try (Workbook source = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); Workbook xls = new HSSFWorkbook()) {
            for (Sheet sheet : source) {
                Sheet copy = xls.createSheet(sheet.getSheetName());
                for (Row row : sheet) {
                    Row rowCopy = copy.createRow(row.getRowNum());
                    for (Cell cell : row) {
                        copyValue(cell, rowCopy.createCell(cell.getColumnIndex()));
                    }
                }
                sheet.getMergedRegions().forEach(copy::addMergedRegion);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            xls.write(out);
            return out.toByteArray();
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static void copyValue(Cell from, Cell to) {
        switch (from.getCellType()) {
            case NUMERIC -> to.setCellValue(from.getNumericCellValue());
            case BOOLEAN -> to.setCellValue(from.getBooleanCellValue());
            case STRING -> to.setCellValue(from.getStringCellValue());
            case BLANK -> to.setBlank();
            default -> throw new IllegalArgumentException("Cell " + from.getAddress() + " holds a "
                    + from.getCellType() + ", which the shipped rule files do not");
        }
    }
}
