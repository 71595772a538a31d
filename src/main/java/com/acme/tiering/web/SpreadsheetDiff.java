package com.acme.tiering.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.acme.tiering.web.SpreadsheetCells.Sheet;

/**
 * What changed in one spreadsheet between two versions, sheet by sheet: the cells whose text differs, the rows
 * added and removed, and every changed row as a grid. Rows are first matched by their content (a longest common
 * subsequence), so inserting a rule row shows as one added row rather than every row below it changed.
 */
public record SpreadsheetDiff(List<SheetDiff> sheets) {

    /** Beyond this many row pairs, rows are matched by their number only: rule files are far smaller. */
    private static final long ALIGNMENT_LIMIT = 4_000_000;

    public boolean isEmpty() {
        return sheets.stream().allMatch(SheetDiff::isEmpty);
    }

    /**
     * @param status CHANGED, SAME, ADDED (only in the later version) or REMOVED (only in the earlier one)
     * @param columns the column letters of the grid, A up to the last column any changed row uses
     */
    public record SheetDiff(String name, String status, List<CellChange> cells, List<RowChange> rows,
            List<String> columns) {

        public boolean isEmpty() {
            return rows.isEmpty();
        }

        public List<RowChange> addedOrRemoved() {
            return rows.stream().filter(row -> !row.kind().equals("CHANGED")).toList();
        }
    }

    /** A cell whose text differs: {@code ref} in the later version, {@code beforeRef} where it was before. */
    public record CellChange(String ref, String beforeRef, String before, String after) {

        public boolean moved() {
            return !ref.equals(beforeRef);
        }
    }

    /**
     * @param kind CHANGED, ADDED or REMOVED
     * @param beforeRow the row number in the earlier version as Excel shows it, null for an added row
     * @param afterRow the row number in the later version, null for a removed row
     */
    public record RowChange(String kind, Integer beforeRow, Integer afterRow, List<GridCell> cells) {
    }

    /** One cell of a changed row; {@code before} and {@code after} are null where the row is not in that version. */
    public record GridCell(String column, String before, String after, boolean changed) {
    }

    static SpreadsheetDiff of(SpreadsheetCells before, SpreadsheetCells after) {
        List<SheetDiff> sheets = new ArrayList<>();
        for (Sheet later : after.sheets()) {
            Sheet earlier = before.sheet(later.name());
            sheets.add(sheet(later.name(), earlier, later));
        }
        before.sheets().stream().filter(earlier -> after.sheet(earlier.name()) == null)
                .forEach(earlier -> sheets.add(sheet(earlier.name(), earlier, null)));
        return new SpreadsheetDiff(sheets);
    }

    /** A pair of rows (0-based; -1 where the row is missing on that side). */
    private record Pair(int before, int after) {
    }

    private static SheetDiff sheet(String name, Sheet before, Sheet after) {
        Sheet earlier = before != null ? before : new Sheet(name, new TreeMap<>());
        Sheet later = after != null ? after : new Sheet(name, new TreeMap<>());
        List<Pair> pairs = changedRows(new ArrayList<>(earlier.rows().keySet()), new ArrayList<>(later.rows().keySet()),
                earlier, later);
        int lastColumn = pairs.stream().flatMap(p -> Stream.of(earlier.row(p.before()), later.row(p.after())))
                .filter(row -> !row.isEmpty()).mapToInt(SortedMap::lastKey).max().orElse(-1);
        List<String> columns = new ArrayList<>();
        for (int c = 0; c <= lastColumn; c++) {
            columns.add(SpreadsheetCells.column(c));
        }
        List<RowChange> rows = new ArrayList<>();
        List<CellChange> cells = new ArrayList<>();
        for (Pair pair : pairs) {
            rows.add(rowChange(pair, earlier, later, lastColumn));
            if (pair.before() >= 0 && pair.after() >= 0) {
                cells.addAll(cellChanges(pair, earlier.row(pair.before()), later.row(pair.after())));
            }
        }
        String status = before == null ? "ADDED" : after == null ? "REMOVED" : rows.isEmpty() ? "SAME" : "CHANGED";
        return new SheetDiff(name, status, cells, rows, columns);
    }

    /** The rows that differ, in the order of the later version, paired where a row was edited in place. */
    private static List<Pair> changedRows(List<Integer> before, List<Integer> after, Sheet earlier, Sheet later) {
        if ((long) before.size() * after.size() > ALIGNMENT_LIMIT) {
            return byRowNumber(earlier, later);
        }
        int n = before.size();
        int m = after.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = same(earlier, before.get(i), later, after.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Pair> pairs = new ArrayList<>();
        List<Integer> removed = new ArrayList<>();
        List<Integer> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && same(earlier, before.get(i), later, after.get(j))) {
                pairUp(removed, added, pairs);
                i++;
                j++;
            }
            else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
                added.add(after.get(j++));
            }
            else {
                removed.add(before.get(i++));
            }
        }
        pairUp(removed, added, pairs);
        return pairs;
    }

    /** Rows removed and added between two unchanged rows were edited in place, as far as they pair up. */
    private static void pairUp(List<Integer> removed, List<Integer> added, List<Pair> pairs) {
        int edited = Math.min(removed.size(), added.size());
        for (int k = 0; k < edited; k++) {
            pairs.add(new Pair(removed.get(k), added.get(k)));
        }
        removed.subList(edited, removed.size()).forEach(row -> pairs.add(new Pair(row, -1)));
        added.subList(edited, added.size()).forEach(row -> pairs.add(new Pair(-1, row)));
        removed.clear();
        added.clear();
    }

    private static List<Pair> byRowNumber(Sheet earlier, Sheet later) {
        TreeSet<Integer> numbers = new TreeSet<>(earlier.rows().keySet());
        numbers.addAll(later.rows().keySet());
        List<Pair> pairs = new ArrayList<>();
        for (int row : numbers) {
            if (!same(earlier, row, later, row)) {
                pairs.add(new Pair(earlier.rows().containsKey(row) ? row : -1, later.rows().containsKey(row) ? row : -1));
            }
        }
        return pairs;
    }

    private static boolean same(Sheet earlier, int before, Sheet later, int after) {
        return earlier.row(before).equals(later.row(after));
    }

    private static RowChange rowChange(Pair pair, Sheet earlier, Sheet later, int lastColumn) {
        SortedMap<Integer, String> before = pair.before() < 0 ? null : earlier.row(pair.before());
        SortedMap<Integer, String> after = pair.after() < 0 ? null : later.row(pair.after());
        List<GridCell> cells = new ArrayList<>();
        for (int c = 0; c <= lastColumn; c++) {
            String was = before == null ? null : before.get(c);
            String is = after == null ? null : after.get(c);
            cells.add(new GridCell(SpreadsheetCells.column(c), was, is, !Objects.equals(was, is)));
        }
        String kind = before == null ? "ADDED" : after == null ? "REMOVED" : "CHANGED";
        return new RowChange(kind, before == null ? null : pair.before() + 1, after == null ? null : pair.after() + 1,
                cells);
    }

    private static List<CellChange> cellChanges(Pair pair, SortedMap<Integer, String> before,
            SortedMap<Integer, String> after) {
        TreeSet<Integer> columns = new TreeSet<>(before.keySet());
        columns.addAll(after.keySet());
        List<CellChange> changes = new ArrayList<>();
        for (int c : columns) {
            if (!Objects.equals(before.get(c), after.get(c))) {
                String column = SpreadsheetCells.column(c);
                changes.add(new CellChange(column + (pair.after() + 1), column + (pair.before() + 1), before.get(c),
                        after.get(c)));
            }
        }
        return changes;
    }
}
