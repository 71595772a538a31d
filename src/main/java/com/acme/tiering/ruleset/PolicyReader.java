package com.acme.tiering.ruleset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.acme.tiering.ruleset.RulesetPolicy.Entitlement;
import com.acme.tiering.ruleset.RulesetPolicy.PlanRow;
import com.acme.tiering.ruleset.RulesetPolicy.Trigger;
import com.acme.tiering.ruleset.SheetGrid.GridCell;
import com.acme.tiering.ruleset.TableColumns.Column;
import com.acme.tiering.ruleset.TableColumns.Kind;

/**
 * Reads a version's {@link RulesetPolicy} from its files with the readers compiling uses: the tier catalog, the
 * columns of each RuleTable as the safe dialect reads them, the Codes sheet. A table is laid out as the translator
 * takes it: the RuleTable cell, then the column kinds, the fact types, the templates and the labels, then the rows
 * up to the first empty one. What a checked version holds is read whole; a cell that does not pass its checks (a
 * rejected version's) is shown as typed, and its findings say what is wrong with it.
 */
final class PolicyReader {

    /**
     * The entitlements of tables written before declarations: each action fixes its name and type (as
     * {@code evaluation.Outcome} does), and the three codes take the lists {@link TableVocabulary#CODES} holds.
     */
    private static final Map<String, EntitlementType> BUILT_IN = Map.of("accountManager", EntitlementType.CODE,
            "responseSlaHours", EntitlementType.INTEGER, "reviewCadence", EntitlementType.CODE, "visitsPerYear",
            EntitlementType.INTEGER, "discountPct", EntitlementType.DECIMAL, "supportChannel", EntitlementType.CODE);

    private static final TableColumns.Problems IGNORED = (cell, message, hint) -> {
    };

    private final List<Entitlement> entitlements = new ArrayList<>();
    private final List<PlanRow> planRows = new ArrayList<>();
    private final List<Trigger> triggers = new ArrayList<>();

    private PolicyReader() {
    }

    /**
     * The policy of these files; empty when they have no readable tier catalog (its findings say why).
     *
     * @param catalog the catalog the files compiled with, or null to read it from them
     */
    static Optional<RulesetPolicy> read(List<RuleFile> files, TierCatalog catalog) {
        TierCatalogReader.Read read = TierCatalogReader.read(files);
        TierCatalog tiers = catalog != null ? catalog : read.catalog();
        if (tiers == null) {
            return Optional.empty();
        }
        PolicyReader reader = new PolicyReader();
        files.stream().filter(file -> file.kind() != RuleFile.Kind.DRL && !TierCatalogReader.isCatalog(file))
                .sorted(java.util.Comparator.comparing(RuleFile::name)).forEach(reader::file);
        return Optional.of(new RulesetPolicy(tiers, read.file() == null ? null : read.file().name(),
                reader.entitlements, reader.planRows, reader.triggers));
    }

    private void file(RuleFile file) {
        List<SheetGrid> sheets;
        try {
            sheets = SheetGrid.of(file);
        }
        catch (IOException | RuntimeException unreadable) {
            return; // the version's findings say the file is no spreadsheet
        }
        Map<String, List<String>> codeLists = CodeLists.of(file.name(), sheets, new ArrayList<>());
        for (SheetGrid grid : sheets) {
            for (Map<Integer, GridCell> row : grid.rows().values()) {
                for (GridCell cell : row.values()) {
                    if (ChurnTriggerTable.starts(cell)) {
                        triggerTable(file.name(), grid, cell);
                    }
                    else if (cell.text().startsWith("RuleTable")) {
                        planTable(file.name(), grid, cell, codeLists);
                    }
                }
            }
        }
    }

    /** A RuleTable with a {@code plan} column is a plan table; its other ACTION columns are entitlements. */
    private void planTable(String file, SheetGrid grid, GridCell start, Map<String, List<String>> codeLists) {
        List<Column> columns = TableColumns.read(grid, start.row() + 1, start.column(), IGNORED);
        if (columns.stream().noneMatch(c -> c.kind() == Kind.ACTION && "plan".equals(c.output()))) {
            return;
        }
        Map<Integer, Entitlement> byColumn = new LinkedHashMap<>();
        for (Column column : columns) {
            entitlement(file, grid, start, column, codeLists).ifPresent(e -> {
                byColumn.put(column.index(), e);
                if (entitlements.stream().noneMatch(known -> known.name().equals(e.name()))) {
                    entitlements.add(e);
                }
            });
        }
        for (int r : rows(grid, start, columns)) {
            planRows.add(planRow(file, grid, start, columns, byColumn, r));
        }
    }

    private static Optional<Entitlement> entitlement(String file, SheetGrid grid, GridCell start, Column column,
            Map<String, List<String>> codeLists) {
        if (column.kind() != Kind.ACTION) {
            return Optional.empty();
        }
        String template = grid.cell(start.row() + 3, column.index()).ref();
        EntitlementColumn declared = column.entitlement();
        if (declared != null) {
            List<String> codes = declared.type() == EntitlementType.CODE
                    ? codeLists.getOrDefault(declared.codeList(), List.of()) : List.of();
            return Optional.of(new Entitlement(declared.name(), declared.type(), declared.codeList(), codes, file,
                    grid.sheet(), template, true));
        }
        EntitlementType builtIn = column.output() == null ? null : BUILT_IN.get(column.output());
        if (builtIn == null) {
            return Optional.empty();
        }
        boolean code = builtIn == EntitlementType.CODE;
        return Optional.of(new Entitlement(column.output(), builtIn, code ? column.output() : null,
                code ? TableVocabulary.CODES.get(column.output()) : List.of(), file, grid.sheet(), template, false));
    }

    private static PlanRow planRow(String file, SheetGrid grid, GridCell start, List<Column> columns,
            Map<Integer, Entitlement> entitlements, int r) {
        String name = null;
        String description = null;
        String plan = null;
        List<String> conditions = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column column : columns) {
            String text = grid.text(r, column.index());
            if (text.isEmpty()) {
                continue;
            }
            switch (column.kind()) {
                case NAME -> name = text;
                case DESCRIPTION -> description = text;
                case CONDITION -> conditions.add(ConditionWords.of(grid.text(start.row() + 3, column.index()), text));
                case ACTION -> {
                    Entitlement entitlement = entitlements.get(column.index());
                    if (entitlement != null) {
                        values.put(entitlement.name(), typed(entitlement.type(), text));
                    }
                    else if ("plan".equals(column.output())) {
                        plan = text;
                    }
                }
                default -> {
                }
            }
        }
        return new PlanRow(file, grid.sheet(), r + 1, name, description, conditions, plan, values);
    }

    private void triggerTable(String file, SheetGrid grid, GridCell start) {
        List<Column> columns = TableColumns.readTriggerTable(grid, start.row() + 1, start.column(), IGNORED);
        for (int r : rows(grid, start, columns)) {
            Map<String, String> signal = new LinkedHashMap<>();
            String description = null;
            List<String> conditions = new ArrayList<>();
            for (Column column : columns) {
                String text = grid.text(r, column.index());
                if (text.isEmpty()) {
                    continue;
                }
                switch (column.kind()) {
                    case TRIGGER -> signal.put(column.output(), text);
                    case DESCRIPTION -> description = text;
                    case CONDITION -> conditions.add(ConditionWords.of(grid.text(start.row() + 3, column.index()),
                            text));
                    default -> {
                    }
                }
            }
            String tiers = signal.getOrDefault("TIERS", "");
            String hours = signal.get("DUE-WITHIN-HOURS");
            triggers.add(new Trigger(file, grid.sheet(), r + 1, signal.get("TRIGGER"), description, conditions,
                    tiers.isBlank() ? List.of() : List.of(tiers.trim().split("\\s*,\\s*")), signal.get("RISK"),
                    signal.get("RECOMMENDED-ACTION"), signal.get("OWNER-ROLE"),
                    hours != null && hours.matches("\\d{1,9}") ? Integer.valueOf(hours) : null));
        }
    }

    /** The rows of a table (0-based): from the one below its labels to the first whose columns are all empty. */
    private static List<Integer> rows(SheetGrid grid, GridCell start, List<Column> columns) {
        List<Integer> rows = new ArrayList<>();
        for (int r = start.row() + 5; r <= grid.lastRow() && !columns.isEmpty(); r++) {
            int row = r;
            if (columns.stream().allMatch(c -> grid.text(row, c.index()).isEmpty())) {
                break;
            }
            rows.add(r);
        }
        return rows;
    }

    /** The value as the lookup answers it; the text as typed when it is not of the type (a refused version's). */
    private static Object typed(EntitlementType type, String text) {
        try {
            return type.value(text);
        }
        catch (IllegalArgumentException notOfItsType) {
            return text;
        }
    }
}
