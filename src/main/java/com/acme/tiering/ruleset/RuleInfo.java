package com.acme.tiering.ruleset;

import java.math.BigDecimal;
import java.util.List;

import com.acme.tiering.facts.AttributeValues;

/**
 * What the service knows of one compiled rule, gathered at compile time so that evaluations only
 * look things up: where it comes from, what it is for, which facts it reads.
 *
 * @param source e.g. {@code tiers.xlsx › Tiers › row 12} or {@code lifecycle.drl › line 29}
 * @param assignsTier the tier a tier-table row gives, null for other rules
 * @param conditions the simple numeric conditions on customer facts, for "why not higher"
 */
public record RuleInfo(
        String name,
        String file,
        String sheet,
        Integer row,
        Integer line,
        String source,
        String description,
        List<FactRead> reads,
        String assignsTier,
        List<Condition> conditions) {

    /**
     * A property of a fact type that a rule's conditions read.
     *
     * @param reader reads the property from a matched fact, resolved once when the rule is catalogued
     */
    public record FactRead(String type, String property, FactModel.Reader reader) {

        public FactRead(String type, String property) {
            this(type, property, FactModel.reader(type, property));
        }

        /** A declared attribute the rule reads, on a fact type that carries the customer's attributes. */
        static FactRead attribute(String type, String attribute) {
            return new FactRead(type, attribute, FactModel.attributeReader(type, attribute));
        }
    }

    /**
     * A condition on a customer fact that the catalog can check without Drools, for "why not higher":
     * a number comparison ({@code revenueLast12m >= 20000}), a text comparison ({@code industry == "Retail"})
     * or a list ({@code region in ("EU", "UK")}).
     *
     * @param value a BigDecimal, a String, or for {@code in} and {@code not in} a List of them
     * @param attribute the condition reads a declared attribute, not a fact: a missing value meets none
     */
    public record Condition(String fact, String operator, Object value, boolean attribute) {

        public Condition(String fact, String operator, Object value) {
            this(fact, operator, value, false);
        }

        public boolean holdsFor(Object actual) {
            if (attribute) {
                return AttributeValues.holds(actual, operator, literal());
            }
            if (value instanceof List<?> list) {
                boolean member = list.stream().anyMatch(item -> same(item, actual));
                return operator.equals("in") ? member : !member;
            }
            if (value instanceof String) {
                return operator.equals("==") == same(value, actual);
            }
            BigDecimal number = number(actual);
            if (number == null) {
                return false;
            }
            int cmp = number.compareTo((BigDecimal) value);
            return switch (operator) {
                case "<=" -> cmp <= 0;
                case ">=" -> cmp >= 0;
                case "<" -> cmp < 0;
                case ">" -> cmp > 0;
                case "==" -> cmp == 0;
                default -> cmp != 0;
            };
        }

        /** The value as a table cell writes it, for an attribute's comparison. */
        private String literal() {
            return value instanceof List<?> list ? String.join(",", list.stream().map(Condition::plain).toList())
                    : plain(value);
        }

        private static String plain(Object value) {
            return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
        }

        public boolean numeric() {
            return value instanceof BigDecimal;
        }

        /** A fact value as a number, or null when it is none: Integer and BigDecimal facts compare alike. */
        public static BigDecimal number(Object value) {
            if (value instanceof BigDecimal decimal) {
                return decimal;
            }
            if (value instanceof Integer || value instanceof Long) {
                return BigDecimal.valueOf(((Number) value).longValue());
            }
            return value instanceof Number n ? new BigDecimal(n.toString()) : null;
        }

        private static boolean same(Object required, Object actual) {
            if (required instanceof BigDecimal decimal) {
                BigDecimal number = number(actual);
                return number != null && number.compareTo(decimal) == 0;
            }
            return actual != null && required.equals(actual.toString());
        }
    }
}
