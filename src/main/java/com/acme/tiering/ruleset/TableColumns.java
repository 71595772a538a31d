package com.acme.tiering.ruleset;

import static com.acme.tiering.ruleset.TableVocabulary.ACTIONS_TAKING_TEXT;
import static com.acme.tiering.ruleset.TableVocabulary.COLUMN_KEYWORDS;
import static com.acme.tiering.ruleset.TableVocabulary.COMPARISON;
import static com.acme.tiering.ruleset.TableVocabulary.IN_LIST;
import static com.acme.tiering.ruleset.TableVocabulary.OBJECT_TYPE;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.acme.tiering.ruleset.SheetGrid.GridCell;

/**
 * The header rows of a RuleTable (column kinds, fact types, templates) read into columns, checking
 * that each kind, fact type and template is one the safe dialect allows.
 */
final class TableColumns {

    private static final Pattern ACTION = Pattern.compile("^decision\\.(\\w+)\\(");

    /** TRIGGER: a column of a churn-trigger table that makes the signal; its {@code output} is the column's keyword. */
    enum Kind { NAME, DESCRIPTION, CONDITION, ACTION, PRIORITY, GROUP, TRIGGER }

    /**
     * One column of a RuleTable as its header rows define it.
     *
     * @param entitlement the entitlement an ACTION column declares, else null
     */
    record Column(int index, Kind kind, String type, List<String> facts, List<String> ops, boolean text,
            boolean list, String output, EntitlementColumn entitlement) {

        Column(int index, Kind kind, String type, List<String> facts, List<String> ops, boolean text, boolean list,
                String output) {
            this(index, kind, type, facts, ops, text, list, output, null);
        }
    }

    interface Problems {
        void report(GridCell cell, String message, String hint);
    }

    private final SheetGrid grid;
    private final Problems problems;
    private final boolean triggerTable;
    /** The attributes a condition may read besides the facts; null: any name, already checked or not checkable. */
    private final AttributeDeclarations attributes;

    private TableColumns(SheetGrid grid, Problems problems, boolean triggerTable, AttributeDeclarations attributes) {
        this.grid = grid;
        this.problems = problems;
        this.triggerTable = triggerTable;
        this.attributes = attributes;
    }

    static List<Column> read(SheetGrid grid, int headerRow, int firstColumn, Problems problems) {
        return read(grid, headerRow, firstColumn, problems, AttributeDeclarations.NONE);
    }

    /** @param attributes the declared attributes conditions may read; null for any (the checks are done elsewhere) */
    static List<Column> read(SheetGrid grid, int headerRow, int firstColumn, Problems problems,
            AttributeDeclarations attributes) {
        return new TableColumns(grid, problems, false, attributes).columns(headerRow, firstColumn);
    }

    /**
     * The columns of a churn-trigger table: DESCRIPTION, CONDITION columns on CustomerFacts (which may also compare
     * a fact with another fact times a factor) and the {@link TableVocabulary#TRIGGER_COLUMNS}.
     */
    static List<Column> readTriggerTable(SheetGrid grid, int headerRow, int firstColumn, Problems problems) {
        return readTriggerTable(grid, headerRow, firstColumn, problems, AttributeDeclarations.NONE);
    }

    /** @param attributes the declared attributes conditions may read; null for any (the checks are done elsewhere) */
    static List<Column> readTriggerTable(SheetGrid grid, int headerRow, int firstColumn, Problems problems,
            AttributeDeclarations attributes) {
        return new TableColumns(grid, problems, true, attributes).columns(headerRow, firstColumn);
    }

    /**
     * Whether a condition on the fact type may read this name as a declared attribute: the type carries the
     * customer's attributes, and the name is declared (or, without declarations to ask, could be).
     */
    static boolean readsAttribute(String type, String name, AttributeDeclarations attributes) {
        return type != null && FactModel.carriesAttributes(type) && !FactModel.properties(type).contains(name)
                && (attributes == null ? AttributeDeclarationReader.NAME.matcher(name).matches()
                        : attributes.declares(name));
    }

    private List<Column> columns(int headerRow, int firstColumn) {
        List<Column> columns = new ArrayList<>();
        String type = null;
        for (int c = firstColumn; !grid.text(headerRow, c).isEmpty(); c++) {
            GridCell keyword = grid.cell(headerRow, c);
            String word = keyword.text().toUpperCase(Locale.ROOT);
            if (triggerTable) {
                Column column = triggerColumn(c, keyword, word);
                if (column != null) {
                    type = column.type();
                    columns.add(column);
                }
                continue;
            }
            if (!COLUMN_KEYWORDS.contains(word)) {
                problems.report(keyword, "'" + keyword.text() + "' is not an allowed column kind",
                        "Use NAME, DESCRIPTION, CONDITION, ACTION, PRIORITY or ACTIVATION-GROUP");
                continue;
            }
            Kind kind = kind(word);
            GridCell objectType = grid.cell(headerRow + 1, c);
            if (kind == Kind.CONDITION) {
                type = objectType.text().isEmpty() ? type : factType(objectType);
                columns.add(condition(c, type, grid.cell(headerRow + 2, c)));
            }
            else {
                type = null;
                if (!objectType.text().isEmpty()) {
                    problems.report(objectType, "Only CONDITION columns name a fact type", null);
                }
                columns.add(kind == Kind.ACTION ? action(c, grid.cell(headerRow + 2, c))
                        : new Column(c, kind, null, List.of(), List.of(), true, false, null));
            }
        }
        return columns;
    }

    /** A column of a churn-trigger table, or null (reported) when its kind is not one such a table has. */
    private Column triggerColumn(int c, GridCell keyword, String word) {
        GridCell objectType = grid.cell(keyword.row() + 1, c);
        if (TableVocabulary.TRIGGER_COLUMNS.contains(word) || word.equals("DESCRIPTION")) {
            if (!objectType.text().isEmpty()) {
                problems.report(objectType, "Only CONDITION columns name a fact type", null);
            }
            return word.equals("DESCRIPTION") ? new Column(c, Kind.DESCRIPTION, null, List.of(), List.of(), true, false,
                    null) : new Column(c, Kind.TRIGGER, null, List.of(), List.of(), true, false, word);
        }
        if (!word.equals("CONDITION")) {
            problems.report(keyword, "'" + keyword.text() + "' is not a column of a churn-trigger table", "Use TRIGGER, "
                    + "DESCRIPTION, CONDITION, " + String.join(", ", TableVocabulary.TRIGGER_COLUMNS.subList(1,
                            TableVocabulary.TRIGGER_COLUMNS.size())));
            return null;
        }
        String type = objectType.text().isEmpty() ? null : factType(objectType);
        if (type == null && !objectType.text().isEmpty()) {
            return null;
        }
        if (type != null && !type.equals("CustomerFacts")) {
            problems.report(objectType, "Churn triggers read the customer's facts", "Use CustomerFacts; the tiers a "
                    + "trigger applies to go in the TIERS column");
            return null;
        }
        return condition(c, "CustomerFacts", grid.cell(keyword.row() + 2, c));
    }

    private static Kind kind(String word) {
        return switch (word) {
            case "NAME", "N" -> Kind.NAME;
            case "DESCRIPTION", "I" -> Kind.DESCRIPTION;
            case "CONDITION", "C" -> Kind.CONDITION;
            case "ACTION", "A" -> Kind.ACTION;
            case "PRIORITY", "P", "SALIENCE" -> Kind.PRIORITY;
            default -> Kind.GROUP;
        };
    }

    private String factType(GridCell cell) {
        Matcher m = OBJECT_TYPE.matcher(cell.text());
        if (!m.matches() || !FactModel.isFactType(m.group(1))) {
            problems.report(cell, "'" + cell.text() + "' is not a fact type", "Use CustomerFacts or PlanContext");
            return null;
        }
        return m.group(1);
    }

    private Column condition(int c, String type, GridCell template) {
        List<String> facts = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        boolean text = false;
        boolean list = false;
        Matcher factor = TableVocabulary.FACTOR_COMPARISON.matcher(template.text().trim());
        if (triggerTable && factor.matches()) {
            for (String fact : List.of(factor.group(1), factor.group(3))) {
                if (!FactModel.properties(type).contains(fact)) {
                    problems.report(template, "'" + fact + "' is not a fact of " + type, null);
                }
            }
            return new Column(c, Kind.CONDITION, type, List.of(), List.of(), false, false, null);
        }
        for (String part : template.text().split(",")) {
            Matcher comparison = COMPARISON.matcher(part.trim());
            Matcher in = IN_LIST.matcher(part.trim());
            String fact = comparison.matches() ? comparison.group(1) : in.matches() ? in.group(1) : null;
            if (fact == null) {
                problems.report(template, "'" + template.text() + "' is not an allowed condition template",
                        "Write a fact, an operator (==, !=, <, <=, >, >=, in) and $param, e.g. revenueLast12m >= $param"
                                + (triggerTable ? ", or compare with another fact times $param, e.g. recencyDays > "
                                        + "$param * avgInterOrderDays" : ""));
                return new Column(c, Kind.CONDITION, type, facts, ops, false, false, null);
            }
            String op = comparison.matches() ? comparison.group(2) : in.group(2);
            if (readsAttribute(type, fact, attributes)) {
                attributeOperator(template, fact, op);
            }
            else if (type != null && !FactModel.properties(type).contains(fact)) {
                notAFact(template, type, fact);
            }
            facts.add(fact);
            ops.add(op);
            text |= comparison.matches() && comparison.group(3).equals("\"");
            list |= in.matches();
        }
        return new Column(c, Kind.CONDITION, type, facts, ops, text, list, null);
    }

    /** An attribute whose values have no order (text, code, yes/no) is compared with ==, != or in only. */
    private void attributeOperator(GridCell template, String attribute, String op) {
        CustomerAttribute declared = attributes == null ? null : attributes.find(attribute).orElse(null);
        if (declared != null && !declared.type().ordered() && !List.of("==", "!=", "in", "not in").contains(op)) {
            problems.report(template, attribute + " is " + declared.type().described() + ": it cannot be "
                    + op + " a value", "Compare it with ==, != or in");
        }
    }

    private void notAFact(GridCell template, String type, String fact) {
        if (FactModel.carriesAttributes(type) && AttributeDeclarationReader.NAME.matcher(fact).matches()) {
            problems.report(template, "'" + fact + "' is not a fact of " + type + ": the table reads " + fact
                    + ", which no attribute declares", "Declare " + fact + " in " + AttributeDeclarationReader.TABLE + ".xlsx (sheet "
                            + AttributeDeclarationReader.SHEET + ")" + (attributes == null || attributes.isEmpty() ? ""
                                    : ", or read one of the declared attributes: " + attributes)
                            + ", or use a fact such as " + String.join(", ", FactModel.properties(type).stream()
                                    .limit(6).toList()));
            return;
        }
        problems.report(template, "'" + fact + "' is not a fact of " + type, "Facts are named as in PRODUCT.md §3, "
                + "e.g. " + String.join(", ", FactModel.properties(type).stream().limit(6).toList()));
    }

    private Column action(int c, GridCell template) {
        if (EntitlementColumn.isDeclaration(template.text())) {
            return declaredEntitlement(c, template);
        }
        Matcher m = ACTION.matcher(template.text());
        String output = m.find() ? m.group(1) : null;
        if (output == null || !ACTIONS_TAKING_TEXT.containsKey(output)
                || !template.text().replace(" ", "").equals(TableVocabulary.actionTemplate(output))) {
            problems.report(template, "'" + template.text() + "' is not an allowed action", "Allowed: "
                    + String.join(" ", ACTIONS_TAKING_TEXT.keySet().stream().sorted()
                            .map(TableVocabulary::actionTemplate).toList()));
            return new Column(c, Kind.ACTION, null, List.of(), List.of(), true, false, null);
        }
        return new Column(c, Kind.ACTION, null, List.of(), List.of(), ACTIONS_TAKING_TEXT.get(output), false, output);
    }

    private Column declaredEntitlement(int c, GridCell template) {
        try {
            EntitlementColumn entitlement = EntitlementColumn.read(template.text());
            return new Column(c, Kind.ACTION, null, List.of(), List.of(), true, false, entitlement.name(), entitlement);
        }
        catch (IllegalArgumentException wrong) {
            problems.report(template, wrong.getMessage(), "Declare an entitlement as 'entitlement <name> <type>'; "
                    + "types: " + EntitlementColumn.TYPES + ", e.g. entitlement freeShipping yes/no");
            return new Column(c, Kind.ACTION, null, List.of(), List.of(), true, false, null);
        }
    }
}
