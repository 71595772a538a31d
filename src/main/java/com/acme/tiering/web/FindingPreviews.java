package com.acme.tiering.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.regex.Pattern;

import org.apache.poi.ss.util.CellReference;

import com.acme.tiering.ruleset.Finding;
import com.acme.tiering.ruleset.RuleFile;

/**
 * The findings of a version with what each points at, read from the version's stored files: the spreadsheet
 * row of the finding's cell with that cell marked, or the DRL line, so the author sees the mistake in place.
 */
final class FindingPreviews {

    private static final Pattern CELL = Pattern.compile("[A-Z]{1,3}[0-9]{1,7}");
    /** Columns shown either side of the offending one in a very wide row. */
    private static final int SPAN = 25;
    private static final int LONGEST_LINE = 300;

    private FindingPreviews() {
    }

    /** @param row the spreadsheet row of the finding's cell, or null; {@code line} the DRL line's text, or null */
    public record FindingView(Finding finding, RowPreview row, String line) {
    }

    /** @param number the row number as Excel shows it */
    public record RowPreview(String sheet, int number, List<PreviewCell> cells) {
    }

    public record PreviewCell(String column, String text, boolean offending) {
    }

    static List<FindingView> of(List<Finding> findings, List<RuleFile> files) {
        Map<String, RuleFile> byName = new HashMap<>();
        files.forEach(file -> byName.put(file.name(), file));
        Map<String, Optional<SpreadsheetCells>> read = new HashMap<>();
        List<FindingView> views = new ArrayList<>();
        for (Finding finding : findings) {
            RuleFile file = byName.get(finding.file());
            RowPreview row = null;
            String line = null;
            if (file != null && finding.cell() != null && CELL.matcher(finding.cell()).matches()
                    && SpreadsheetCells.readable(file.name())) {
                row = read.computeIfAbsent(file.name(), name -> cells(file))
                        .map(cells -> row(cells, finding)).orElse(null);
            }
            else if (file != null && finding.line() != null && file.kind() == RuleFile.Kind.DRL) {
                line = line(file.text(), finding.line());
            }
            views.add(new FindingView(finding, row, line));
        }
        return views;
    }

    /** A stored file that cannot be read (it was rejected for that) simply has no preview. */
    private static Optional<SpreadsheetCells> cells(RuleFile file) {
        try {
            return Optional.of(SpreadsheetCells.read(file));
        }
        catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static RowPreview row(SpreadsheetCells cells, Finding finding) {
        SpreadsheetCells.Sheet sheet = finding.sheet() == null ? null : cells.sheet(finding.sheet());
        if (sheet == null && cells.sheets().size() == 1) {
            sheet = cells.sheets().get(0); // a CSV table is its only sheet
        }
        if (sheet == null) {
            return null;
        }
        CellReference where = new CellReference(finding.cell());
        SortedMap<Integer, String> row = sheet.row(where.getRow());
        int offending = where.getCol();
        int last = Math.max(offending, row.isEmpty() ? 0 : row.lastKey());
        int first = Math.max(0, Math.min(offending - SPAN, last - 2 * SPAN));
        List<PreviewCell> shown = new ArrayList<>();
        for (int c = first; c <= Math.min(last, first + 2 * SPAN); c++) {
            shown.add(new PreviewCell(SpreadsheetCells.column(c), row.getOrDefault(c, ""), c == offending));
        }
        return new RowPreview(sheet.name(), where.getRow() + 1, shown);
    }

    private static String line(String text, int number) {
        List<String> lines = text.lines().toList();
        if (number < 1 || number > lines.size()) {
            return null;
        }
        String line = lines.get(number - 1).strip();
        return line.length() > LONGEST_LINE ? line.substring(0, LONGEST_LINE) + "…" : line;
    }
}
