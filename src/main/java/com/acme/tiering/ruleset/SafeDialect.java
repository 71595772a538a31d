package com.acme.tiering.ruleset;

import static com.acme.tiering.ruleset.TableVocabulary.NUMBER;
import static com.acme.tiering.ruleset.TableVocabulary.RANGES;
import static com.acme.tiering.ruleset.TableVocabulary.RULESET_KEYWORDS;
import static com.acme.tiering.ruleset.TableVocabulary.STRING_LITERAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.acme.tiering.ruleset.SheetGrid.GridCell;
import com.acme.tiering.ruleset.TableColumns.Column;
import com.acme.tiering.ruleset.TableColumns.Kind;

/**
 * Decision-table cells are compiled into Java, so a spreadsheet may only hold what carries no code:
 * configuration keywords, condition templates over the fact model, action templates from the
 * allow-list, and literal values. Everything else is a finding that names the cell.
 */
class SafeDialect {

    private static final Pattern PACKAGE_NAME = Pattern.compile("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$");
    private static final Pattern TABLE_NAME = Pattern.compile("^[\\p{L}\\p{N} _-]+$");

    private final List<Finding> findings = new ArrayList<>();
    private boolean sequential;
    private boolean oneActivationGroup;
    private final String file;
    private final SheetGrid grid;
    private final TierCatalog tiers;
    private final java.util.Map<String, List<String>> codeLists;
    /** The customer attributes conditions may read; null when their declarations could not be read. */
    private final AttributeDeclarations attributes;

    private SafeDialect(String file, SheetGrid grid, TierCatalog tiers, java.util.Map<String, List<String>> codeLists,
            AttributeDeclarations attributes) {
        this.file = file;
        this.grid = grid;
        this.tiers = tiers;
        this.codeLists = codeLists;
        this.attributes = attributes;
    }

    /**
     * Every sheet of a table's file, with the code lists its Codes sheet declares.
     *
     * @param tiers the version's tier catalog, which tier cells must name; null when it could not be read
     */
    static List<Finding> inspect(String file, List<SheetGrid> sheets, TierCatalog tiers) {
        return inspect(file, sheets, tiers, AttributeDeclarations.NONE);
    }

    /**
     * @param attributes the customer attributes the version declares, which conditions may read like facts; null
     *        when the declarations could not be read (their own findings say why)
     */
    static List<Finding> inspect(String file, List<SheetGrid> sheets, TierCatalog tiers,
            AttributeDeclarations attributes) {
        List<Finding> findings = new ArrayList<>();
        java.util.Map<String, List<String>> codeLists = CodeLists.of(file, sheets, findings);
        sheets.forEach(grid -> {
            SafeDialect dialect = new SafeDialect(file, grid, tiers, codeLists, attributes);
            dialect.inspect();
            findings.addAll(dialect.findings);
        });
        return findings;
    }

    /** One sheet, without code lists of its workbook. */
    static List<Finding> inspect(String file, SheetGrid grid, TierCatalog tiers) {
        return inspect(file, grid, tiers, java.util.Map.of());
    }

    /** @param codeLists the code lists of the workbook's Codes sheet, which declared code columns take */
    static List<Finding> inspect(String file, SheetGrid grid, TierCatalog tiers,
            java.util.Map<String, List<String>> codeLists) {
        SafeDialect dialect = new SafeDialect(file, grid, tiers, codeLists, AttributeDeclarations.NONE);
        dialect.inspect();
        return dialect.findings;
    }

    private void inspect() {
        for (int r = 0; r <= grid.lastRow(); r++) {
            for (GridCell cell : grid.rows().getOrDefault(r, java.util.Map.of()).values()) {
                if (cell.text().equalsIgnoreCase("RuleSet")) {
                    ruleSetArea(cell);
                }
                else if (cell.text().startsWith("RuleTable")) {
                    table(cell);
                }
            }
        }
    }

    private void ruleSetArea(GridCell start) {
        check(PACKAGE_NAME.matcher(grid.text(start.row(), start.column() + 1)).matches(),
                grid.cell(start.row(), start.column() + 1), "The RuleSet name must be a package name such as "
                        + "com.acme.tiering.rules", "Use lower-case words separated by dots");
        for (int r = start.row() + 1; r <= grid.lastRow(); r++) {
            GridCell keyword = grid.cell(r, start.column());
            if (keyword.text().startsWith("RuleTable")) {
                return;
            }
            if (!keyword.text().isEmpty() && !RULESET_KEYWORDS.contains(keyword.text().toUpperCase(Locale.ROOT))) {
                error(keyword, "'" + keyword.text() + "' is not allowed in a decision table: it would add code",
                        "Allowed here: RuleSet, Sequential, Notes, ACTIVATION-GROUP, PRIORITY. The service provides "
                                + "the facts and the decision outputs itself.");
            }
            else if (keyword.text().equalsIgnoreCase("ACTIVATION-GROUP")) {
                literal(grid.cell(r, start.column() + 1), true, null);
                oneActivationGroup = true;
            }
            else if (keyword.text().equalsIgnoreCase("Sequential")) {
                sequential = grid.text(r, start.column() + 1).equalsIgnoreCase("true");
            }
        }
    }

    private void table(GridCell start) {
        String name = start.text().substring("RuleTable".length()).trim();
        check(TABLE_NAME.matcher(name).matches(), start, "The RuleTable name may hold letters, digits, spaces, _ and -",
                "e.g. RuleTable Tiers");
        boolean triggers = ChurnTriggerTable.starts(start);
        List<Column> columns = triggers
                ? TableColumns.readTriggerTable(grid, start.row() + 1, start.column(), this::error, attributes)
                : TableColumns.read(grid, start.row() + 1, start.column(), this::error, attributes);
        if (triggers) {
            ChurnTriggerTable.checkColumns(columns, start, this::error);
            check(!sequential && !oneActivationGroup, start, "Every row of a trigger table whose conditions hold fires",
                    "Remove Sequential and ACTIVATION-GROUP from the RuleSet rows: rows of one trigger give one signal, "
                            + "the highest risk among them");
        }
        else {
            EntitlementCells.declarations(grid, start.row() + 3, columns, codeLists)
                    .forEach(p -> error(p.cell(), p.message(), p.hint()));
        }
        List<FirstMatchCheck.RuleRow> rows = new ArrayList<>();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (int r = start.row() + 5; r <= grid.lastRow(); r++) {
            int row = r;
            if (columns.stream().allMatch(c -> grid.text(row, c.index()).isEmpty())) {
                break;
            }
            columns.forEach(column -> dataCell(column, grid.cell(row, column.index())));
            if (triggers) {
                ChurnTriggerTable.checkRow(columns, grid, row, this::error);
                continue;
            }
            rows.add(ruleRow(columns, row, start.column()));
            columns.stream().filter(c -> c.kind() == Kind.NAME).map(c -> grid.cell(row, c.index()))
                    .filter(cell -> !cell.text().isEmpty()).forEach(cell -> {
                        String first = names.putIfAbsent(cell.text(), cell.ref());
                        check(first == null, cell, "The rule name '" + cell.text() + "' is already used in " + first,
                                "Rule names must be unique");
                    });
        }
        if (triggers) {
            return; // every row that holds fires, and a trigger's rows give one signal: no row hides another
        }
        if (sequential && oneActivationGroup) {
            findings.addAll(FirstMatchCheck.unreachable(file, grid.sheet(), rows));
        }
        else {
            findings.addAll(FirstMatchCheck.overlapping(file, grid.sheet(), rows));
        }
    }

    private FirstMatchCheck.RuleRow ruleRow(List<Column> columns, int row, int firstColumn) {
        List<FirstMatchCheck.Constraint> constraints = new ArrayList<>();
        boolean opaque = false;
        String name = grid.text(row, firstColumn);
        for (Column column : columns) {
            String text = grid.text(row, column.index());
            if (column.kind() == Kind.NAME && !text.isEmpty()) {
                name = text;
            }
            if (column.kind() != Kind.CONDITION || text.isEmpty()) {
                continue;
            }
            String[] values = column.facts().size() > 1 ? text.split(",") : new String[] { text };
            if (column.list() || values.length != column.facts().size()) {
                opaque = true;
                continue;
            }
            for (int i = 0; i < values.length; i++) {
                constraints.add(new FirstMatchCheck.Constraint(column.facts().get(i), column.ops().get(i),
                        values[i].trim()));
            }
        }
        String outcome = columns.stream().filter(c -> c.kind() == Kind.ACTION).map(c -> grid.text(row, c.index()))
                .reduce((x, y) -> x + "|" + y).orElse("");
        return new FirstMatchCheck.RuleRow(grid.cell(row, firstColumn), name, constraints, opaque, outcome);
    }

    private void dataCell(Column column, GridCell cell) {
        if (cell.text().isEmpty()) {
            return;
        }
        if (cell.formula()) {
            error(cell, "Formulas are not allowed in rule cells", "Type the value itself");
            return;
        }
        switch (column.kind()) {
            case NAME -> check(!cell.text().matches("(?s).*[\"\\\\\\n].*"), cell,
                    "A rule name may not contain quotes, backslashes or line breaks", null);
            case DESCRIPTION -> check(!cell.text().contains("*/") && !cell.text().contains("/*"), cell,
                    "A description may not contain /* or */", null);
            case PRIORITY -> check(NUMBER.matcher(cell.text()).matches(), cell, "A priority is a whole number", null);
            case GROUP -> literal(cell, true, null);
            case CONDITION -> conditionValues(column, cell);
            case ACTION -> {
                if (column.entitlement() == null) {
                    literal(cell, column.text(), column.output());
                }
                else {
                    java.util.Optional.ofNullable(EntitlementCells.value(column.entitlement(), cell, codeLists))
                            .ifPresent(p -> error(p.cell(), p.message(), p.hint()));
                }
            }
            case TRIGGER -> ChurnTriggerTable.checkCell(column, cell, tiers, this::error);
        }
    }

    private void conditionValues(Column column, GridCell cell) {
        String[] values = column.list() || column.facts().size() > 1 ? cell.text().split(",") : new String[] { cell.text() };
        for (int i = 0; i < values.length; i++) {
            String fact = column.facts().isEmpty() ? null : column.facts().get(Math.min(i, column.facts().size() - 1));
            String value = values[i].trim();
            if (TableColumns.readsAttribute(column.type(), fact, attributes)) {
                attributeValue(cell, fact, value);
                continue;
            }
            boolean text = column.text() || (column.list() && value.startsWith("\""));
            literal(new GridCell(cell.row(), cell.column(), column.list() ? value.replaceAll("^\"|\"$", "") : value,
                    false), text, fact);
        }
    }

    /**
     * A value a condition compares a declared attribute with: of the attribute's type, in its list or range. The
     * service puts it into a string of the rule's code, so it holds no quote.
     */
    private void attributeValue(GridCell cell, String attribute, String value) {
        GridCell item = new GridCell(cell.row(), cell.column(), value, false);
        if (value.contains("\"") || !STRING_LITERAL.matcher(value).matches()) {
            error(item, "'" + value + "' is not a plain value", "Write an attribute's values without quotes, "
                    + "e.g. FRAMEWORK or 4; several separated by commas in an 'in' column");
            return;
        }
        CustomerAttribute declared = attributes == null ? null : attributes.find(attribute).orElse(null);
        if (declared == null) {
            return;
        }
        try {
            declared.fromText(value);
        }
        catch (IllegalArgumentException wrong) {
            error(item, wrong.getMessage(), attribute + " is declared in " + declared.declaredIn() + ": "
                    + declared.describe());
        }
    }

    /** A literal value: a number in number columns, a plain word or code in text columns. */
    private void literal(GridCell cell, boolean text, String name) {
        if (!text) {
            if (!NUMBER.matcher(cell.text()).matches()) {
                error(cell, "'" + cell.text() + "' is not a number", "Type a number such as 20000 or 0.7");
                return;
            }
            double[] range = name == null ? null : RANGES.get(name);
            double value = Double.parseDouble(cell.text());
            check(range == null || (value >= range[0] && value <= range[1]), cell, name + " must be between "
                    + (range == null ? "" : fmt(range[0]) + " and " + fmt(range[1])) + ", not " + cell.text(), null);
            return;
        }
        if (!STRING_LITERAL.matcher(cell.text()).matches()) {
            error(cell, "'" + cell.text() + "' is not a plain value", "Values are words, codes or numbers: no quotes, "
                    + "brackets, semicolons or operators");
            return;
        }
        List<String> codes = name == null ? null : TableVocabulary.codes(name, tiers);
        boolean tier = TableVocabulary.isTier(name);
        check(codes == null || codes.contains(cell.text()), cell, "'" + cell.text() + "' is not a known " + name
                + (tier ? ": the tier catalog has no tier " + cell.text() : ""), codes == null ? null
                        : tier ? "Use a tier of " + TierCatalogReader.TABLE + ": " + tiers.describe()
                                : "Use one of " + String.join(", ", codes));
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private void check(boolean ok, GridCell cell, String message, String hint) {
        if (!ok) {
            error(cell, message, hint);
        }
    }

    private void error(GridCell cell, String message, String hint) {
        findings.add(Finding.error(file, grid.sheet(), cell.ref(), null, message, hint));
    }
}
