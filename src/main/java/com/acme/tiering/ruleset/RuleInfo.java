package com.acme.tiering.ruleset;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the service knows of one compiled rule, gathered at compile time so that evaluations only
 * look things up: where it comes from, what it is for, which facts it reads.
 *
 * @param source e.g. {@code tiers.xlsx › Tiers › row 12} or {@code churn-triggers.drl › line 14}
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

    /** A property of a fact type that a rule's conditions read. */
    public record FactRead(String type, String property) {
    }

    /** A condition like {@code revenueLast12m >= 20000}. */
    public record Condition(String fact, String operator, BigDecimal value) {

        public boolean holdsFor(BigDecimal actual) {
            if (actual == null) {
                return false;
            }
            int cmp = actual.compareTo(value);
            return switch (operator) {
                case "<=" -> cmp <= 0;
                case ">=" -> cmp >= 0;
                case "<" -> cmp < 0;
                case ">" -> cmp > 0;
                case "==" -> cmp == 0;
                default -> cmp != 0;
            };
        }
    }
}
