package com.acme.tiering.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.acme.tiering.evaluation.Explanation.TierGap;
import com.acme.tiering.evaluation.Explanation.UnmetCondition;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.facts.Tiers;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.RuleInfo;
import com.acme.tiering.ruleset.RuleInfo.Condition;

/** Writes the explanation an auditor reads: a summary sentence and what was missing for higher tiers. */
class ExplanationWriter {

    /** The row of the next tier that is closest to being met: fewest unmet conditions, then smallest gaps. */
    private static final Comparator<TierGap> CLOSEST = Comparator.comparingInt((TierGap gap) -> gap.unmet().size())
            .thenComparingDouble(gap -> gap.unmet().stream().mapToDouble(ExplanationWriter::relativeGap).sum());

    private static double relativeGap(UnmetCondition condition) {
        if (!(condition.gap() instanceof BigDecimal gap) || !(condition.required() instanceof BigDecimal required)
                || required.signum() == 0) {
            return 1.0;
        }
        return gap.doubleValue() / Math.abs(required.doubleValue());
    }

    Explanation explain(CustomerFacts facts, CompiledRuleset ruleset, FiringRecorder firings, Outcome outcome,
            String qualified, String tier) {
        List<TierGap> gaps = whyNotHigher(facts, ruleset, tier);
        return new Explanation(summary(facts, firings.tierRow(), outcome, qualified, tier, gaps), firings.fired(), gaps);
    }

    private static List<TierGap> whyNotHigher(CustomerFacts facts, CompiledRuleset ruleset, String tier) {
        List<RuleInfo> higherRows = ruleset.catalog().values().stream()
                .filter(rule -> rule.assignsTier() != null && Tiers.rank(rule.assignsTier()) < Tiers.rank(tier))
                .sorted(Comparator.comparing((RuleInfo r) -> Tiers.rank(r.assignsTier()))
                        .thenComparing(r -> r.row() == null ? Integer.MAX_VALUE : r.row()))
                .toList();
        List<TierGap> gaps = new ArrayList<>();
        for (RuleInfo row : higherRows) {
            List<UnmetCondition> unmet = row.conditions().stream()
                    .filter(condition -> !condition.holdsFor(number(facts.value(condition.fact()))))
                    .map(condition -> unmet(condition, number(facts.value(condition.fact())))).toList();
            if (!unmet.isEmpty()) {
                gaps.add(new TierGap(row.assignsTier(), row.name(), row.source(), row.description(), unmet));
            }
        }
        return gaps;
    }

    private static UnmetCondition unmet(Condition condition, BigDecimal actual) {
        String required = format(condition.value());
        if (actual == null) {
            return new UnmetCondition(condition.fact(), condition.operator(), condition.value(), null, null,
                    condition.fact() + " is unknown, needs " + symbol(condition.operator()) + " " + required);
        }
        BigDecimal gap = actual.subtract(condition.value()).abs();
        String direction = condition.operator().startsWith(">") ? "short by " : "over by ";
        return new UnmetCondition(condition.fact(), condition.operator(), condition.value(), actual, gap,
                condition.fact() + " " + format(actual) + " " + negated(condition.operator()) + " " + required + ", "
                        + direction + format(gap));
    }

    private static String summary(CustomerFacts facts, RuleInfo tierRow, Outcome outcome, String qualified,
            String tier, List<TierGap> gaps) {
        StringBuilder text = new StringBuilder("Tier ").append(tier).append(" (").append(Tiers.name(tier)).append(")");
        if (tierRow != null && tier.equals(qualified)) {
            text.append(": ").append(tierRow.description()).append(met(facts, tierRow)).append(" (")
                    .append(tierRow.source()).append(").");
        }
        else if (tierRow != null) {
            text.append(", kept by the tier policy: qualifies for ").append(qualified).append(" (")
                    .append(Tiers.name(qualified)).append(") by ").append(tierRow.source())
                    .append("; downgrade pending since ").append(outcome.pendingSince())
                    .append(", tier ").append(tier).append(" protected until ").append(outcome.protectedUntil())
                    .append(".");
        }
        else {
            text.append(": no tier row matched.");
        }
        gaps.stream().filter(gap -> Tiers.rank(gap.tier()) == Tiers.rank(tier) - 1).min(CLOSEST)
                .ifPresent(next -> text.append(" Not ").append(next.tier()).append(": ")
                        .append(next.unmet().stream().map(UnmetCondition::text).collect(Collectors.joining("; ")))
                        .append("."));
        return text.toString();
    }

    private static String met(CustomerFacts facts, RuleInfo row) {
        if (row.conditions().isEmpty()) {
            return "";
        }
        return " — " + row.conditions().stream().map(c -> c.fact() + " " + format(number(facts.value(c.fact()))) + " "
                + symbol(c.operator()) + " " + format(c.value())).collect(Collectors.joining(", "));
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    static String format(BigDecimal value) {
        if (value == null) {
            return "unknown";
        }
        if (value.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
        }
        BigDecimal rounded = value.setScale(Math.min(Math.max(value.scale(), 0), 4), RoundingMode.HALF_UP);
        return rounded.stripTrailingZeros().toPlainString();
    }

    private static String symbol(String operator) {
        return switch (operator) {
            case "<=" -> "≤";
            case ">=" -> "≥";
            default -> operator;
        };
    }

    private static String negated(String operator) {
        return switch (operator) {
            case "<=" -> ">";
            case ">=" -> "<";
            case "<" -> "≥";
            case ">" -> "≤";
            case "==" -> "≠";
            default -> "=";
        };
    }
}
