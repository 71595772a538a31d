package com.acme.tiering.ruleset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/** A sheet as text cells by (0-based) row and column, whatever file it came from. */
record SheetGrid(String sheet, Map<Integer, Map<Integer, GridCell>> rows) {

    record GridCell(int row, int column, String text, boolean formula) {

        String ref() {
            return CellReference.convertNumToColString(column) + (row + 1);
        }
    }

    String text(int row, int column) {
        GridCell cell = rows.getOrDefault(row, Map.of()).get(column);
        return cell == null ? "" : cell.text();
    }

    GridCell cell(int row, int column) {
        GridCell cell = rows.getOrDefault(row, Map.of()).get(column);
        return cell != null ? cell : new GridCell(row, column, "", false);
    }

    int lastRow() {
        return rows.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    /** The sheets of a decision table file, whatever its format; none for DRL. */
    static List<SheetGrid> of(RuleFile file) throws IOException {
        return switch (file.kind()) {
            case DRL -> List.of();
            case CSV -> List.of(ofCsv(file.text()));
            case XLS, XLSX -> ofWorkbook(file.content());
        };
    }

    static List<SheetGrid> ofWorkbook(byte[] content) throws IOException {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<SheetGrid> grids = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            for (Sheet sheet : workbook) {
                Map<Integer, Map<Integer, GridCell>> rows = new LinkedHashMap<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        boolean formula = cell.getCellType() == CellType.FORMULA;
                        String text = formula ? cell.getCellFormula() : formatter.formatCellValue(cell);
                        if (!text.isBlank()) {
                            rows.computeIfAbsent(row.getRowNum(), r -> new LinkedHashMap<>())
                                    .put(cell.getColumnIndex(), new GridCell(row.getRowNum(), cell.getColumnIndex(),
                                            text.trim(), formula));
                        }
                    }
                }
                grids.add(new SheetGrid(sheet.getSheetName(), rows));
            }
        }
        return grids;
    }

    static SheetGrid ofCsv(String csv) {
        Map<Integer, Map<Integer, GridCell>> rows = new LinkedHashMap<>();
        List<List<String>> lines = CsvText.parse(csv);
        for (int r = 0; r < lines.size(); r++) {
            for (int c = 0; c < lines.get(r).size(); c++) {
                String text = lines.get(r).get(c).trim();
                if (!text.isEmpty()) {
                    rows.computeIfAbsent(r, k -> new LinkedHashMap<>()).put(c, new GridCell(r, c, text, false));
                }
            }
        }
        return new SheetGrid("csv", rows);
    }
}
