package com.acme.tiering.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

import com.acme.tiering.evaluation.Explanation.UnmetCondition;
import com.acme.tiering.ruleset.RuleInfo.Condition;

/**
 * A tier row's condition in the words of an explanation: {@code paretoShare 0.84 ≤ 0.90} when met,
 * {@code revenueLast12m 82,000 < 100,000, short by 18,000} when not. The numbers of one comparison
 * share their decimals, so a cell's 0.9 reads 0.90 next to a paretoShare of 0.84. Facts come unrounded (a share
 * has 40 digits); they read with at most four decimals, more only where four would show a value and its
 * threshold as equal when they are not ({@code revenueGrowthPct 49.99995 < 50, short by 0.00005}).
 */
final class ConditionText {

    private static final int MAX_DECIMALS = 4;
    private static final int MAX_DECIMALS_TO_TELL_APART = 12;

    private ConditionText() {
    }

    /** A condition that holds, with the actual value. */
    static String met(Condition condition, Object actual) {
        if (condition.value() instanceof List<?> list) {
            return condition.fact() + " " + text(actual)
                    + (condition.operator().equals("in") ? " is one of " : " is none of ") + items(list);
        }
        BigDecimal number = Condition.number(actual);
        if (!condition.numeric() || number == null) {
            return condition.fact() + (condition.operator().equals("==") ? " is " + text(actual)
                    : " " + text(actual) + " " + symbol(condition.operator()) + " " + text(condition.value()));
        }
        int decimals = decimals(number, (BigDecimal) condition.value());
        return condition.fact() + " " + format(number, decimals) + " " + symbol(condition.operator()) + " "
                + format((BigDecimal) condition.value(), decimals) + meaning(condition.fact(), number, decimals);
    }

    /** A condition that does not hold: required, actual, the gap for numbers, and the sentence for people. */
    static UnmetCondition unmet(Condition condition, Object actual) {
        if (actual == null) {
            // an attribute the customer has no value for: said so, as no condition on it holds
            return new UnmetCondition(condition.fact(), condition.operator(), condition.value(), null, null,
                    condition.fact() + (condition.attribute() ? " is missing" : " is unknown") + ", needs "
                            + requirement(condition));
        }
        if (!condition.numeric() || Condition.number(actual) == null) {
            return new UnmetCondition(condition.fact(), condition.operator(), condition.value(), actual, null,
                    condition.fact() + " is " + text(actual) + ", needs " + requirement(condition));
        }
        BigDecimal number = Condition.number(actual);
        BigDecimal required = (BigDecimal) condition.value();
        BigDecimal gap = number.subtract(required).abs();
        int decimals = decimals(number, required);
        String text = condition.fact() + " " + format(number, decimals) + " " + negated(condition.operator()) + " "
                + format(required, decimals) + gapText(condition.operator(), gap, decimals)
                + meaning(condition.fact(), number, decimals);
        return new UnmetCondition(condition.fact(), condition.operator(), required, number, gap, text);
    }

    /** A number as explanations show it: thousands grouped, at most four decimals. */
    static String format(BigDecimal value) {
        return value == null ? "unknown" : format(value, Math.min(decimals(value), MAX_DECIMALS));
    }

    /**
     * What a paretoShare says (PRODUCT.md §5): how much of all revenue the customers above this one make, so that
     * "≤ 0.70" reads as what the tier table means by "among the customers making 70% of revenue".
     */
    private static String meaning(String fact, BigDecimal value, int decimals) {
        if (!fact.equals("paretoShare")) {
            return "";
        }
        if (value.signum() == 0) {
            return " (no customer has more revenue)";
        }
        if (value.compareTo(BigDecimal.ONE) == 0) {
            return " (customers with more revenue make all of it)";
        }
        return " (customers with more revenue make " + format(value.movePointRight(2), Math.max(decimals - 2, 0))
                + "% of all revenue)";
    }

    private static String gapText(String operator, BigDecimal gap, int decimals) {
        return switch (operator) {
            case ">", ">=" -> ", short by " + format(gap, decimals);
            case "<", "<=" -> ", over by " + format(gap, decimals);
            case "==" -> ", off by " + format(gap, decimals);
            default -> "";
        };
    }

    private static String requirement(Condition condition) {
        if (condition.value() instanceof List<?> list) {
            return (condition.operator().equals("in") ? "one of " : "none of ") + items(list);
        }
        String value = condition.value() instanceof BigDecimal number ? format(number) : condition.value().toString();
        return switch (condition.operator()) {
            case "==" -> condition.numeric() ? "= " + value : value;
            case "!=" -> "anything but " + value;
            default -> symbol(condition.operator()) + " " + value;
        };
    }

    private static String items(List<?> list) {
        return list.stream().map(ConditionText::text).collect(Collectors.joining(", "));
    }

    private static String text(Object value) {
        if (value == null) {
            return "unknown";
        }
        if (value instanceof Boolean yes) {
            return yes ? "yes" : "no";
        }
        return value instanceof BigDecimal || value instanceof Number ? format(Condition.number(value)) : value.toString();
    }

    private static int decimals(BigDecimal value) {
        // Whole numbers, the most common facts, need no stripping: their scale is already 0.
        if (value == null || value.scale() <= 0 || value.signum() == 0) {
            return 0;
        }
        return Math.max(value.stripTrailingZeros().scale(), 0);
    }

    /**
     * The decimals a value and its threshold are shown with: as many as either has, at most four, or more (up to
     * twelve) while rounding would make two different numbers read the same.
     */
    static int decimals(BigDecimal actual, BigDecimal required) {
        int decimals = Math.min(Math.max(decimals(actual), decimals(required)), MAX_DECIMALS);
        if (actual.compareTo(required) == 0) {
            return decimals;
        }
        while (decimals < MAX_DECIMALS_TO_TELL_APART && actual.setScale(decimals, RoundingMode.HALF_UP)
                .compareTo(required.setScale(decimals, RoundingMode.HALF_UP)) == 0) {
            decimals++;
        }
        return decimals;
    }

    /** A number with the given decimals (see {@link #decimals(BigDecimal, BigDecimal)}), thousands grouped. */
    static String format(BigDecimal value, int decimals) {
        if (value == null) {
            return "unknown";
        }
        // By hand rather than with a DecimalFormat per call: explanations format numbers on the hot path of runs.
        BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP);
        String plain = rounded.abs().toPlainString();
        int point = plain.indexOf('.');
        if ((point < 0 ? plain.length() : point) <= 3 && rounded.signum() >= 0) {
            return plain; // nothing to group: most counts, days and shares are this short
        }
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder text = new StringBuilder(plain.length() + whole.length() / 3 + 1);
        if (rounded.signum() < 0) {
            text.append('-');
        }
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                text.append(',');
            }
            text.append(whole.charAt(i));
        }
        return point < 0 ? text.toString() : text.append(plain, point, plain.length()).toString();
    }

    private static String symbol(String operator) {
        return switch (operator) {
            case "<=" -> "≤";
            case ">=" -> "≥";
            case "==" -> "=";
            case "!=" -> "≠";
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
