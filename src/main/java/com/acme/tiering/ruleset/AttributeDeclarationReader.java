package com.acme.tiering.ruleset;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.ruleset.SheetGrid.GridCell;

/**
 * Reads a version's customer attributes ({@code customer-attributes.xlsx}, or the same table saved as .xls or
 * one-sheet .csv): on sheet {@code Attributes} a header row {@code Name | Type | Allowed values | Min | Max | Required
 * | Description}, then one row per attribute; code lists on the workbook's {@code Codes} sheet, as a plan table
 * declares its entitlements' ({@link CodeLists}). Every problem is a finding naming the cell. A version without the
 * file declares no attributes.
 */
final class AttributeDeclarationReader {

    /** The table the declarations are, whatever format they are saved in. */
    static final String TABLE = "customer-attributes";
    static final String SHEET = "Attributes";
    static final int MAX_ATTRIBUTES = 100;
    static final int MAX_DESCRIPTION = 500;

    /** Names go into rules, URLs and JSON: ASCII letters, digits and _, like the built-in facts. */
    static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,39}$");

    private static final List<String> COLUMNS = List.of("Name", "Type", "Allowed values", "Min", "Max", "Required",
            "Description");
    private static final List<String> REQUIRED = List.of("Name", "Type");
    private static final String TYPES = "integer, decimal, text, yes/no, date, code (its codes in Allowed values) or "
            + "code:<a list on the Codes sheet>";
    private static final String LAYOUT = "Sheet " + SHEET + ": a header row " + String.join(" | ", COLUMNS)
            + ", then one row per attribute";

    /**
     * What the declarations of a set of rule files came to.
     *
     * @param declarations the attributes whose rows are sound (all of them when there are no findings)
     */
    record Read(AttributeDeclarations declarations, List<Finding> findings) {

        /** The declarations when every row is sound; null otherwise, so that tables are not blamed for them. */
        AttributeDeclarations sound() {
            return findings.isEmpty() ? declarations : null;
        }
    }

    private final String file;
    private final SheetGrid grid;
    private final Map<String, List<String>> codeLists;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Integer> columns = new HashMap<>();

    private AttributeDeclarationReader(String file, SheetGrid grid, Map<String, List<String>> codeLists,
            List<Finding> codeListFindings) {
        this.file = file;
        this.grid = grid;
        this.codeLists = codeLists;
        this.findings.addAll(codeListFindings);
    }

    /** Whether the file holds the attribute declarations rather than a decision table. */
    static boolean isDeclarations(RuleFile file) {
        return TABLE.equals(file.table());
    }

    /** The declarations of a set of rule files: none when the set has no such file. */
    static Read read(List<RuleFile> files) {
        Optional<RuleFile> declarations = files.stream().filter(AttributeDeclarationReader::isDeclarations)
                .findFirst();
        return declarations.map(AttributeDeclarationReader::read)
                .orElseGet(() -> new Read(AttributeDeclarations.NONE, List.of()));
    }

    static Read read(RuleFile file) {
        List<SheetGrid> sheets;
        try {
            sheets = file.kind() == RuleFile.Kind.CSV
                    ? List.of(SheetGrid.ofCsv(file.text().replaceFirst("^\uFEFF", "")))
                    : SheetGrid.ofWorkbook(file.content());
        }
        catch (IOException | RuntimeException unreadable) {
            return refused(Finding.error(file.name(), null, null, null, DecisionTableTranslator.unreadable(unreadable),
                    "Save the file as .xlsx or .xls from Excel or LibreOffice Calc, or as .csv"));
        }
        SheetGrid grid = file.kind() == RuleFile.Kind.CSV ? sheets.get(0)
                : sheets.stream().filter(g -> g.sheet().equals(SHEET)).findFirst().orElse(null);
        if (grid == null) {
            return refused(Finding.error(file.name(), null, null, null, "There is no sheet named " + SHEET, LAYOUT));
        }
        List<Finding> codeListFindings = new ArrayList<>();
        Map<String, List<String>> codeLists = CodeLists.of(file.name(), sheets, codeListFindings);
        AttributeDeclarationReader reader = new AttributeDeclarationReader(file.name(), grid, codeLists,
                codeListFindings);
        List<CustomerAttribute> attributes = reader.attributes();
        return new Read(new AttributeDeclarations(attributes), List.copyOf(reader.findings));
    }

    private static Read refused(Finding finding) {
        return new Read(AttributeDeclarations.NONE, List.of(finding));
    }

    private List<CustomerAttribute> attributes() {
        int header = grid.rows().keySet().stream().filter(r -> !grid.rows().get(r).isEmpty())
                .mapToInt(Integer::intValue).min().orElse(-1);
        if (header < 0 || !header(header)) {
            return List.of(); // an empty sheet declares nothing
        }
        List<CustomerAttribute> attributes = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (int r = header + 1; r <= grid.lastRow(); r++) {
            if (!grid.rows().getOrDefault(r, Map.of()).isEmpty()) {
                Optional.ofNullable(attribute(r, names)).ifPresent(attributes::add);
            }
        }
        long count = grid.rows().keySet().stream().filter(r -> r > header && !grid.rows().get(r).isEmpty()).count();
        check(count <= MAX_ATTRIBUTES, grid.cell(header, columns.get("Name")), "At most " + MAX_ATTRIBUTES
                + " attributes, not " + count, "Remove the attributes no rule and no system uses");
        return attributes;
    }

    /** Columns are found by their header, so their order is the operations manager's. */
    private boolean header(int row) {
        int before = findings.size();
        for (GridCell cell : grid.rows().get(row).values()) {
            String title = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(cell.text())).findFirst().orElse(null);
            if (title == null) {
                error(cell, "'" + cell.text() + "' is not a column of the attribute declarations",
                        "Columns: " + String.join(", ", COLUMNS));
            }
            else if (columns.putIfAbsent(title, cell.column()) != null) {
                error(cell, "The column " + title + " is given twice", null);
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                error(grid.rows().get(row).values().iterator().next(), "The header row has no column " + required,
                        LAYOUT);
            }
        }
        return findings.size() == before;
    }

    private CustomerAttribute attribute(int row, Map<String, String> names) {
        int before = findings.size();
        grid.rows().get(row).values().stream().filter(GridCell::formula).forEach(cell -> error(cell,
                "Formulas are not allowed in the attribute declarations", "Type the value itself"));
        GridCell name = cell(row, "Name");
        name(name, names);
        GridCell typeCell = cell(row, "Type");
        AttributeType type = type(typeCell);
        String codeList = type == AttributeType.CODE ? listName(typeCell.text()) : null;
        GridCell allowed = columns.containsKey("Allowed values") ? cell(row, "Allowed values") : typeCell;
        List<String> codes = type == AttributeType.CODE ? codes(typeCell, codeList, allowed)
                : type == null || allowed == typeCell ? List.of() : noAllowedValues(allowed);
        Object min = bound(cell(row, "Min"), type);
        Object max = bound(cell(row, "Max"), type);
        checkRange(min, max, cell(row, "Max"));
        Boolean required = required(cell(row, "Required"));
        GridCell description = cell(row, "Description");
        check(description.text().length() <= MAX_DESCRIPTION, description, "A description is at most "
                + MAX_DESCRIPTION + " characters", null);
        if (findings.size() > before) {
            return null;
        }
        return new CustomerAttribute(name.text(), type, codeList, codes, min, max, required,
                description.text().isEmpty() ? null : description.text(), file + " › " + grid.sheet() + " › "
                        + name.ref());
    }

    private void name(GridCell name, Map<String, String> names) {
        if (!check(NAME.matcher(name.text()).matches(), name, name.text().isEmpty() ? "An attribute needs a name"
                : "'" + name.text() + "' is not an attribute name", "Letters a–z and A–Z, digits and _, starting with "
                        + "a letter, at most 40: e.g. contractType")) {
            return;
        }
        String builtIn = builtInFacts().stream().filter(fact -> fact.equalsIgnoreCase(name.text())).findFirst()
                .orElse(null);
        check(builtIn == null, name, "'" + name.text() + "' is the name of a built-in fact" + (builtIn == null
                || builtIn.equals(name.text()) ? "" : " (" + builtIn + ")"), "Give the attribute a name of its own: "
                        + "rules would not know which one they read");
        String first = names.putIfAbsent(name.text().toLowerCase(Locale.ROOT), name.ref());
        check(first == null, name, "The attribute " + name.text() + " is declared twice (first in " + first + ")",
                "Each attribute has one row; names differing only in capitals are the same name");
    }

    /** The names rules already read: every fact of every fact type, and the attributes themselves. */
    static Set<String> builtInFacts() {
        Set<String> names = new LinkedHashSet<>(CustomerFacts.NAMES);
        for (String type : List.of("CustomerFacts", "TierCandidate", "AssignedTier", "PlanContext")) {
            names.addAll(FactModel.properties(type));
        }
        names.add("attributes");
        return names;
    }

    private AttributeType type(GridCell cell) {
        String word = cell.text();
        AttributeType type = word.regionMatches(true, 0, "code:", 0, 5) ? AttributeType.CODE : AttributeType.of(word);
        check(type != null, cell, word.isEmpty() ? "An attribute needs a type" : "'" + word
                + "' is not an attribute type", "Types: " + TYPES);
        return type;
    }

    private static String listName(String type) {
        return type.regionMatches(true, 0, "code:", 0, 5) ? type.substring(5).trim() : null;
    }

    /** A code attribute's codes: from its list on the Codes sheet, or from its Allowed values cell. */
    private List<String> codes(GridCell type, String list, GridCell allowed) {
        if (list != null) {
            check(allowed == type || allowed.text().isEmpty(), allowed, "The codes of " + type.text()
                    + " are those of its list on the " + CodeLists.SHEET + " sheet",
                    "Leave Allowed values empty, or declare the type code and list the codes here");
            if (!check(codeLists.containsKey(list), type, "There is no code list '" + list + "'", codeLists.isEmpty()
                    ? "Declare it on a sheet named Codes: the list's name in the first row, its codes below (workbooks "
                            + "only; in a .csv, declare the type code and list the codes in Allowed values)"
                    : "Code lists on the Codes sheet: " + String.join(", ", codeLists.keySet()))) {
                return List.of();
            }
            return codeLists.get(list);
        }
        List<String> codes = allowed == type ? List.of()
                : Arrays.stream(allowed.text().split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList();
        check(!codes.isEmpty(), allowed, "A code attribute needs its codes", "List them separated by commas, e.g. "
                + "FRAMEWORK, ONE_OFF, or declare the type code:<list> with the list on the Codes sheet");
        Set<String> seen = new LinkedHashSet<>();
        for (String code : codes) {
            check(CodeLists.CODE.matcher(code).matches(), allowed, "'" + code + "' is not a code",
                    "Codes are letters, digits, _ and -, e.g. FRAMEWORK");
            check(seen.add(code), allowed, "'" + code + "' is listed twice", null);
        }
        return List.copyOf(seen);
    }

    private List<String> noAllowedValues(GridCell allowed) {
        check(allowed.text().isEmpty(), allowed, "Allowed values are for code attributes", "Declare the type code, "
                + "or give a number's or a date's range in Min and Max");
        return List.of();
    }

    /** A Min or Max: a number for a number, a date for a date, nothing for other types. */
    private Object bound(GridCell cell, AttributeType type) {
        if (cell.text().isEmpty() || type == null) {
            return null;
        }
        if (!check(type.ordered(), cell, "A " + type.word() + " attribute has no range", "Min and Max are for "
                + "integer, decimal and date attributes: leave them empty")) {
            return null;
        }
        try {
            Object value = type.value(cell.text());
            return value instanceof Long whole ? BigDecimal.valueOf(whole) : value;
        }
        catch (IllegalArgumentException wrong) {
            error(cell, wrong.getMessage(), type == AttributeType.DATE ? "Type the date as text, YYYY-MM-DD"
                    : "Type " + type.described() + ", or leave the cell empty for no bound");
            return null;
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private void checkRange(Object min, Object max, GridCell maxCell) {
        if (min != null && max != null && min.getClass() == max.getClass()) {
            check(((Comparable) min).compareTo(max) <= 0, maxCell, "Max " + plain(max) + " is below Min " + plain(min),
                    "Min is the least value allowed, Max the greatest");
        }
    }

    private static String plain(Object bound) {
        return bound instanceof BigDecimal number ? EntitlementType.decimal(number).toPlainString()
                : bound instanceof LocalDate date ? date.toString() : String.valueOf(bound);
    }

    private Boolean required(GridCell cell) {
        if (cell.text().isEmpty()) {
            return false;
        }
        try {
            return (Boolean) EntitlementType.YES_NO.value(cell.text());
        }
        catch (IllegalArgumentException wrong) {
            error(cell, wrong.getMessage(), "Type yes when every customer must have a value, no (or nothing) when not");
            return false;
        }
    }

    private GridCell cell(int row, String column) {
        Integer index = columns.get(column);
        return index == null ? new GridCell(row, 0, "", false) : grid.cell(row, index);
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
