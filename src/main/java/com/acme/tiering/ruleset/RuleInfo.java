package com.acme.tiering.ruleset;

import java.math.BigDecimal;
import java.util.List;

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
    }

    /**
     * A condition on a customer fact that the catalog can check without Drools, for "why not higher":
     * a number comparison ({@code revenueLast12m >= 20000}), a text comparison ({@code industry == "Retail"})
     * or a list ({@code region in ("EU", "UK")}).
     *
     * @param value a BigDecimal, a String, or for {@code in} and {@code not in} a List of them
     */
    public record Condition(String fact, String operator, Object value) {

        public boolean holdsFor(Object actual) {
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
