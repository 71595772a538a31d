package com.acme.tiering.web;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import com.acme.tiering.ruleset.CsvText;
import com.acme.tiering.ruleset.RuleFile;

/**
 * A spreadsheet rule file's cells as the text people see in Excel, sheet by sheet: what the rules pages show
 * in previews and compare between versions. A CSV decision table is one sheet named {@code csv}, as the
 * ruleset's findings name it.
 */
record SpreadsheetCells(List<Sheet> sheets) {

    /** Non-blank cells by 0-based row and column. */
    record Sheet(String name, SortedMap<Integer, SortedMap<Integer, String>> rows) {

        SortedMap<Integer, String> row(int row) {
            return rows.getOrDefault(row, new TreeMap<>());
        }
    }

    /** Whether a rule file is a spreadsheet that can be read cell by cell (.xlsx, .xls, .csv). */
    static boolean readable(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".csv");
    }

    /** @throws IllegalArgumentException when the file is not a spreadsheet or cannot be read as one */
    static SpreadsheetCells read(RuleFile file) {
        if (!readable(file.name())) {
            throw new IllegalArgumentException(file.name() + " is not a spreadsheet");
        }
        if (file.kind() == RuleFile.Kind.CSV) {
            return new SpreadsheetCells(List.of(csv(file.text())));
        }
        try {
            return workbook(file.content());
        }
        catch (Exception unreadable) { // POI throws a range of runtime and I/O exceptions for damaged files
            throw new IllegalArgumentException(file.name() + " cannot be read as a spreadsheet", unreadable);
        }
    }

    Sheet sheet(String name) {
        return sheets.stream().filter(sheet -> sheet.name().equals(name)).findFirst().orElse(null);
    }

    static String column(int index) {
        return CellReference.convertNumToColString(index);
    }

    private static SpreadsheetCells workbook(byte[] content) throws Exception {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<Sheet> sheets = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
                SortedMap<Integer, SortedMap<Integer, String>> rows = new TreeMap<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String text = cell.getCellType() == CellType.FORMULA ? "=" + cell.getCellFormula()
                                : formatter.formatCellValue(cell);
                        if (!text.isBlank()) {
                            rows.computeIfAbsent(row.getRowNum(), r -> new TreeMap<>()).put(cell.getColumnIndex(), text);
                        }
                    }
                }
                sheets.add(new Sheet(sheet.getSheetName(), rows));
            }
        }
        return new SpreadsheetCells(sheets);
    }

    private static Sheet csv(String text) {
        SortedMap<Integer, SortedMap<Integer, String>> rows = new TreeMap<>();
        List<List<String>> lines = CsvText.parse(text);
        for (int r = 0; r < lines.size(); r++) {
            for (int c = 0; c < lines.get(r).size(); c++) {
                String cell = lines.get(r).get(c);
                if (!cell.isBlank()) {
                    rows.computeIfAbsent(r, k -> new TreeMap<>()).put(c, cell);
                }
            }
        }
        return new Sheet("csv", rows);
    }
}
