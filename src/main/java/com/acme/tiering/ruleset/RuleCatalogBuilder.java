package com.acme.tiering.ruleset;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import com.acme.tiering.ruleset.RuleInfo.Condition;
import com.acme.tiering.ruleset.RuleInfo.FactRead;

/** Reads each rule's origin, description and the facts its conditions read from the parsed DRL. */
class RuleCatalogBuilder {

    private static final Pattern TABLE_RULE = Pattern.compile(
            "// rule values at [A-Z]+(\\d+), header at [A-Z]+\\d+\\s*\\n\\s*rule \"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\n"
                    + "(?:\\s*/\\* ?(.*?) ?\\*/)?");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-zA-Z_][a-zA-Z0-9_]*\\b");
    private static final Pattern NUMERIC_CONDITION = Pattern.compile(
            "^\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(<=|>=|<|>|==|!=)\\s*(-?\\d+(?:\\.\\d+)?)B?\\s*$");
    private static final Pattern TEXT_CONDITION = Pattern.compile(
            "^\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(==|!=)\\s*\"([^\"]*)\"\\s*$");
    private static final Pattern LIST_CONDITION = Pattern.compile(
            "^\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s+(not in|in)\\s*\\((.*)\\)\\s*$");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?B?");
    /** An attribute's condition as the service writes it for a table cell (and a DRL rule may): see AttributeValues. */
    private static final Pattern ATTRIBUTE_CONDITION = Pattern.compile(
            "^\\s*attributes\\s*\\.\\s*holds\\(\\s*\"([^\"]+)\"\\s*,\\s*\"(==|!=|<=|>=|<|>|in|not in)\"\\s*,"
                    + "\\s*\"([^\"]*)\"\\s*\\)\\s*$");
    private static final Pattern ATTRIBUTE_READ = Pattern.compile("\\battributes\\s*\\.\\s*holds\\(\\s*\"([^\"]+)\"");
    private static final Pattern ASSIGNS_TIER = Pattern.compile("decision\\.tier\\(\\s*\"([^\"]+)\"\\s*\\)");

    /** Catalog entries keyed by {@code package.ruleName}, as Drools names a fired rule. */
    Map<String, RuleInfo> catalog(GeneratedDrl drl) throws DroolsParserException {
        DrlParser parser = new DrlParser();
        PackageDescr parsed = parser.parse(false, new StringReader(drl.drl()));
        if (parser.hasErrors() || parsed == null) {
            return Map.of();
        }
        Map<String, TableRow> rows = drl.fromTable() ? tableRows(drl.drl()) : Map.of();
        Map<String, RuleInfo> catalog = new HashMap<>();
        for (RuleDescr rule : parsed.getRules()) {
            catalog.put(parsed.getName() + "." + rule.getName(), info(drl, rule, rows.get(rule.getName())));
        }
        return catalog;
    }

    private record TableRow(int row, String description) {
    }

    private static Map<String, TableRow> tableRows(String drl) {
        Map<String, TableRow> rows = new HashMap<>();
        Matcher m = TABLE_RULE.matcher(drl);
        while (m.find()) {
            rows.put(m.group(2).replace("\\\"", "\""), new TableRow(Integer.parseInt(m.group(1)), m.group(3)));
        }
        return rows;
    }

    private static RuleInfo info(GeneratedDrl drl, RuleDescr rule, TableRow row) {
        List<FactRead> reads = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        collect(rule.getLhs(), reads, conditions);
        String consequence = String.valueOf(rule.getConsequence());
        Matcher tier = ASSIGNS_TIER.matcher(consequence);
        String assignsTier = tier.find() ? tier.group(1) : null;
        if (drl.fromTable()) {
            Integer rowNumber = row == null ? null : row.row();
            String description = row == null || row.description() == null ? rule.getName() : row.description();
            String source = drl.file() + " › " + drl.sheet() + (rowNumber == null ? "" : " › row " + rowNumber);
            return new RuleInfo(rule.getName(), drl.file(), drl.sheet(), rowNumber, null, source, description,
                    reads, assignsTier, conditions);
        }
        AnnotationDescr annotation = rule.getAnnotation("description");
        String description = annotation == null ? rule.getName() : annotation.getSingleValueAsString();
        return new RuleInfo(rule.getName(), drl.file(), null, null, rule.getLine(),
                drl.file() + " › line " + rule.getLine(), unquote(description), reads, assignsTier, conditions);
    }

    private static void collect(BaseDescr descr, List<FactRead> reads, List<Condition> conditions) {
        if (descr instanceof PatternDescr pattern) {
            String type = simpleName(pattern.getObjectType());
            if (!FactModel.isFactType(type)) {
                return;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
                String expression = constraint.getText() != null ? constraint.getText() : constraint.toString();
                Matcher id = IDENTIFIER.matcher(expression);
                while (id.find()) {
                    if (FactModel.properties(type).contains(id.group()) && seen.add(id.group())) {
                        reads.add(new FactRead(type, id.group()));
                    }
                }
                Matcher attribute = ATTRIBUTE_READ.matcher(expression);
                while (FactModel.carriesAttributes(type) && attribute.find()) {
                    if (seen.add(attribute.group(1))) {
                        reads.add(FactRead.attribute(type, attribute.group(1)));
                    }
                }
                if (type.equals("CustomerFacts")) {
                    condition(expression).or(() -> attributeCondition(expression)).ifPresent(conditions::add);
                }
            }
        }
        else if (descr instanceof ConditionalElementDescr element) {
            for (Object child : element.getDescrs()) {
                collect((BaseDescr) child, reads, conditions);
            }
        }
    }

    /** The condition, when it is a plain comparison of a customer fact with literal values. */
    static Optional<Condition> condition(String expression) {
        Matcher numeric = NUMERIC_CONDITION.matcher(expression);
        Matcher text = TEXT_CONDITION.matcher(expression);
        Matcher list = LIST_CONDITION.matcher(expression);
        Condition condition = numeric.matches()
                ? new Condition(numeric.group(1), numeric.group(2), new BigDecimal(numeric.group(3)))
                : text.matches() ? new Condition(text.group(1), text.group(2), text.group(3))
                : list.matches() ? new Condition(list.group(1), list.group(2), items(list.group(3))) : null;
        return Optional.ofNullable(condition)
                .filter(c -> FactModel.properties("CustomerFacts").contains(c.fact()) && c.value() != null);
    }

    /**
     * The condition on a declared attribute: its literal a number when it reads as one (so "why not higher" tells
     * the gap), the items of an {@code in} list one by one.
     */
    static Optional<Condition> attributeCondition(String expression) {
        Matcher m = ATTRIBUTE_CONDITION.matcher(expression);
        if (!m.matches()) {
            return Optional.empty();
        }
        String operator = m.group(2);
        Object value = operator.endsWith("in")
                ? java.util.Arrays.stream(m.group(3).split(",")).map(String::trim).map(RuleCatalogBuilder::literal)
                        .toList()
                : literal(m.group(3).trim());
        return Optional.of(new Condition(m.group(1), operator, value, true));
    }

    private static Object literal(String text) {
        return TableVocabulary.NUMBER.matcher(text).matches() ? new BigDecimal(text) : text;
    }

    /** The literals of an {@code in (...)} list; null when one of them is not a plain literal. */
    private static List<Object> items(String list) {
        List<Object> items = new ArrayList<>();
        for (String item : list.split(",")) {
            String literal = item.trim();
            if (literal.length() >= 2 && literal.startsWith("\"") && literal.endsWith("\"")) {
                items.add(literal.substring(1, literal.length() - 1));
            }
            else if (NUMBER.matcher(literal).matches()) {
                items.add(new BigDecimal(literal.replace("B", "")));
            }
            else {
                return null;
            }
        }
        return List.copyOf(items);
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1)
                : text;
    }
}
