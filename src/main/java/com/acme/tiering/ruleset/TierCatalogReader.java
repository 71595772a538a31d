package com.acme.tiering.ruleset;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.acme.tiering.ruleset.SheetGrid.GridCell;

/**
 * Reads a version's tier catalog ({@code tier-catalog.xlsx}, or the same table saved as .xls or one-sheet .csv):
 * a header row {@code Code | Name | Rank | Description | Colour | Replaces}, then one row per tier. Every problem
 * is a finding naming the cell; a catalog comes back only when there is none.
 */
final class TierCatalogReader {

    /** The table the catalog is, whatever format it is saved in. */
    static final String TABLE = "tier-catalog";
    static final String SHEET = "TierCatalog";
    static final int MIN_TIERS = 2;
    static final int MAX_TIERS = 12;
    static final int MAX_NAME = 60;
    static final int MAX_DESCRIPTION = 500;

    private static final Pattern CODE = Pattern.compile("^" + TierCatalog.CODE + "$");
    private static final Pattern COLOUR = Pattern.compile("^#[0-9A-Fa-f]{6}$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final List<String> COLUMNS = List.of("Code", "Name", "Rank", "Description", "Colour", "Replaces");
    private static final List<String> REQUIRED = List.of("Code", "Name", "Rank");
    private static final String LAYOUT = "Sheet " + SHEET + ": a header row " + String.join(" | ", COLUMNS)
            + ", then one row per tier";

    /**
     * What the catalog of a set of rule files came to.
     *
     * @param catalog null when there are findings
     * @param file the catalog's file, null when the set has none
     * @param codeCells the A1 reference of each tier's Code cell, for findings about a tier elsewhere
     */
    record Read(TierCatalog catalog, RuleFile file, String sheet, Map<String, String> codeCells,
            List<Finding> findings) {

        /** The finding about a tier, pinned to its Code cell in the catalog. */
        Finding about(String code, String message, String hint) {
            return Finding.error(file.name(), sheet, codeCells.get(code), null, message, hint);
        }
    }

    private final String file;
    private final SheetGrid grid;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Integer> columns = new HashMap<>();

    private TierCatalogReader(String file, SheetGrid grid) {
        this.file = file;
        this.grid = grid;
    }

    /** Whether the file holds the tier catalog rather than a decision table. */
    static boolean isCatalog(RuleFile file) {
        return TABLE.equals(file.table());
    }

    /** The catalog of a set of rule files; a set without one is refused, as every version needs its tiers. */
    static Read read(List<RuleFile> files) {
        Optional<RuleFile> catalog = files.stream().filter(TierCatalogReader::isCatalog).findFirst();
        if (catalog.isEmpty()) {
            return new Read(null, null, null, Map.of(), List.of(Finding.error(TABLE + ".xlsx", null, null, null,
                    "The rules have no tier catalog", "Add " + TABLE + ".xlsx (or .xls, .csv). " + LAYOUT)));
        }
        return read(catalog.get());
    }

    static Read read(RuleFile file) {
        SheetGrid grid;
        try {
            grid = grid(file);
        }
        catch (IOException | RuntimeException unreadable) {
            return new Read(null, file, null, Map.of(), List.of(Finding.error(file.name(), null, null, null,
                    DecisionTableTranslator.unreadable(unreadable), "Save the file as .xlsx or .xls from Excel or "
                            + "LibreOffice Calc, or as .csv")));
        }
        if (grid == null) {
            return new Read(null, file, null, Map.of(), List.of(Finding.error(file.name(), null, null, null,
                    "There is no sheet named " + SHEET, LAYOUT)));
        }
        TierCatalogReader reader = new TierCatalogReader(file.name(), grid);
        Map<String, String> codeCells = new LinkedHashMap<>();
        List<Tier> tiers = reader.tiers(codeCells);
        TierCatalog catalog = reader.findings.isEmpty() ? new TierCatalog(tiers) : null;
        return new Read(catalog, file, grid.sheet(), Map.copyOf(codeCells), List.copyOf(reader.findings));
    }

    private static SheetGrid grid(RuleFile file) throws IOException {
        if (file.kind() == RuleFile.Kind.CSV) {
            return SheetGrid.ofCsv(file.text().replaceFirst("^\uFEFF", ""));
        }
        return SheetGrid.ofWorkbook(file.content()).stream().filter(g -> g.sheet().equals(SHEET)).findFirst()
                .orElse(null);
    }

    private List<Tier> tiers(Map<String, String> codeCells) {
        int header = firstRow();
        if (header < 0 || !header(header)) {
            return List.of();
        }
        List<Tier> tiers = new ArrayList<>();
        Map<Integer, String> ranks = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (int r = header + 1; r <= grid.lastRow(); r++) {
            if (grid.rows().getOrDefault(r, Map.of()).isEmpty()) {
                continue;
            }
            Tier tier = tier(r, codeCells, ranks, names);
            if (tier != null) {
                tiers.add(tier);
            }
        }
        GridCell codeHeader = grid.cell(header, columns.get("Code"));
        int count = (int) grid.rows().keySet().stream().filter(r -> r > header && !grid.rows().get(r).isEmpty()).count();
        check(count >= MIN_TIERS && count <= MAX_TIERS, codeHeader, "A catalog has " + MIN_TIERS + " to " + MAX_TIERS
                + " tiers, not " + count, "One row per tier below the header row");
        ranks.forEach((rank, cell) -> check(rank <= count, grid.cell(row(cell), columns.get("Rank")),
                "rank " + rank + " leaves a gap: " + count + " tiers are ranked 1 to " + count,
                "Rank the tiers 1 (highest) to " + count + ", each rank once"));
        replaces(tiers, header, codeCells);
        return tiers;
    }

    private int firstRow() {
        int first = grid.rows().keySet().stream().filter(r -> !grid.rows().get(r).isEmpty()).mapToInt(Integer::intValue)
                .min().orElse(-1);
        if (first < 0) {
            findings.add(Finding.error(file, grid.sheet(), null, null, "The tier catalog is empty", LAYOUT));
        }
        return first;
    }

    /** Columns are found by their header, so their order is the operations manager's. */
    private boolean header(int row) {
        for (GridCell cell : grid.rows().get(row).values()) {
            String title = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(cell.text())
                    || c.equals("Colour") && cell.text().equalsIgnoreCase("Color")).findFirst().orElse(null);
            if (title == null) {
                error(cell, "'" + cell.text() + "' is not a column of the tier catalog", "Columns: "
                        + String.join(", ", COLUMNS));
            }
            else if (columns.putIfAbsent(title, cell.column()) != null) {
                error(cell, "The column " + title + " is given twice", null);
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                GridCell first = grid.rows().get(row).values().iterator().next();
                error(first, "The header row has no column " + required, LAYOUT);
            }
        }
        return findings.isEmpty();
    }

    private Tier tier(int row, Map<String, String> codeCells, Map<Integer, String> ranks, Map<String, String> names) {
        int before = findings.size();
        GridCell code = cell(row, "Code");
        GridCell name = cell(row, "Name");
        noFormulas(row);
        if (check(CODE.matcher(code.text()).matches(), code, code.text().isEmpty() ? "A tier needs a code"
                : "'" + code.text() + "' is not a tier code", "Capital letters, digits and _, starting with a letter, "
                        + "at most 16: e.g. A, GOLD, TIER_1")) {
            String first = codeCells.putIfAbsent(code.text(), code.ref());
            check(first == null, code, "The code " + code.text() + " is given twice (first in " + first + ")",
                    "Each tier has its own code");
        }
        int length = name.text().codePointCount(0, name.text().length());
        check(length >= 1 && length <= MAX_NAME && !CONTROL.matcher(name.text()).find(), name,
                length == 0 ? "A tier needs a name" : "A tier's name is 1 to " + MAX_NAME + " characters on one line, "
                        + "not " + length, "Any language: e.g. Strategic, 战略客户");
        if (length > 0) {
            String first = names.putIfAbsent(name.text(), name.ref());
            check(first == null, name, "The name '" + name.text() + "' is given twice (first in " + first + ")",
                    "Each tier has its own name, so people can tell them apart");
        }
        Integer rank = rank(cell(row, "Rank"), ranks);
        String colour = optional(row, "Colour");
        check(colour == null || COLOUR.matcher(colour).matches(), cell(row, "Colour"),
                "'" + colour + "' is not a colour", "Write it as #RRGGBB, e.g. #1F5F8B, or leave the cell empty");
        String description = optional(row, "Description");
        check(description == null || description.length() <= MAX_DESCRIPTION, cell(row, "Description"),
                "A description is at most " + MAX_DESCRIPTION + " characters", null);
        if (findings.size() > before) {
            return null;
        }
        return new Tier(code.text(), name.text(), rank, description, colour, replacedCodes(row));
    }

    private Integer rank(GridCell cell, Map<Integer, String> ranks) {
        BigDecimal number;
        try {
            number = new BigDecimal(cell.text());
        }
        catch (NumberFormatException notANumber) {
            error(cell, cell.text().isEmpty() ? "A tier needs a rank" : "'" + cell.text() + "' is not a rank",
                    "A whole number: 1 for the highest tier, then 2, 3, …");
            return null;
        }
        if (!check(number.signum() > 0 && number.stripTrailingZeros().scale() <= 0
                && number.compareTo(BigDecimal.valueOf(MAX_TIERS * 100)) <= 0, cell, "'" + cell.text()
                        + "' is not a rank", "A whole number: 1 for the highest tier, then 2, 3, …")) {
            return null;
        }
        int rank = number.intValueExact();
        String first = ranks.putIfAbsent(rank, cell.ref());
        return check(first == null, cell, "rank " + rank + " is given twice (first in " + first + ")",
                "Each tier has its own rank: 1 for the highest, then 2, 3, …") ? rank : null;
    }

    private List<String> replacedCodes(int row) {
        String text = optional(row, "Replaces");
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }

    /** Former codes must be codes, must not be current codes, and move into one tier only. */
    private void replaces(List<Tier> tiers, int header, Map<String, String> codeCells) {
        if (!columns.containsKey("Replaces")) {
            return;
        }
        Map<String, String> into = new HashMap<>();
        for (int r = header + 1; r <= grid.lastRow(); r++) {
            GridCell cell = cell(r, "Replaces");
            String tier = grid.text(r, columns.get("Code"));
            for (String former : Arrays.stream(cell.text().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .toList()) {
                if (!check(CODE.matcher(former).matches(), cell, "'" + former + "' is not a tier code",
                        "List the former codes this tier replaces, separated by commas, e.g. B, SILVER")) {
                    continue;
                }
                check(!codeCells.containsKey(former), cell, former + " is a tier of this catalog, so no tier can "
                        + "replace it", "Replaces lists codes that are no longer in the catalog");
                String first = into.putIfAbsent(former, tier);
                check(first == null || first.equals(tier), cell, former + " is replaced by both " + first + " and "
                        + tier, "A former tier's customers move into one tier");
            }
        }
    }

    private void noFormulas(int row) {
        grid.rows().getOrDefault(row, Map.of()).values().stream().filter(GridCell::formula)
                .forEach(cell -> error(cell, "Formulas are not allowed in the tier catalog", "Type the value itself"));
    }

    private GridCell cell(int row, String column) {
        Integer index = columns.get(column);
        return index == null ? new GridCell(row, 0, "", false) : grid.cell(row, index);
    }

    private String optional(int row, String column) {
        String text = cell(row, column).text();
        return text.isEmpty() ? null : text;
    }

    private static int row(String ref) {
        return Integer.parseInt(ref.replaceAll("^[A-Z]+", "")) - 1;
    }

    private boolean check(boolean ok, GridCell cell, String message, String hint) {
        if (!ok) {
            error(cell, message, hint);
        }
        return ok;
    }

    private void error(GridCell cell, String message, String hint) {
        findings.add(Finding.error(file, grid.sheet(), cell.ref(), null, message, hint));
    }
}
