package com.acme.tiering.ruleset;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A table's condition cell as a person reads it: the column's template with the cell's value put in, as the
 * translator does, and the operators written as on paper: {@code tier == "$param"} with {@code B} reads
 * {@code tier = B}, {@code revenueLast6m < $param * revenuePrev6m} with {@code 0.3} reads
 * {@code revenueLast6m < 0.3 × revenuePrev6m}.
 */
final class ConditionWords {

    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?$");
    private static final Pattern TWO_CHARACTER_OPERATOR = Pattern.compile("\\s*(==|!=|<=|>=)\\s*");

    private ConditionWords() {
    }

    static String of(String template, String value) {
        String condition = template.trim();
        if (condition.contains("$param")) {
            condition = condition.replace("\"$param\"", value).replace("$param", number(value));
        }
        else {
            String[] values = value.split(",");
            for (int i = values.length; i >= 1; i--) {
                condition = condition.replace("\"$" + i + "\"", values[i - 1].trim())
                        .replace("$" + i, number(values[i - 1].trim()));
            }
        }
        condition = TWO_CHARACTER_OPERATOR.matcher(condition).replaceAll(match -> switch (match.group(1)) {
            case "==" -> " = ";
            case "!=" -> " ≠ ";
            case "<=" -> " ≤ ";
            default -> " ≥ ";
        });
        return condition.replaceAll("\\s*\\*\\s*", " × ").replaceAll("\\s+", " ").trim();
    }

    /** A number with thousands separated (10,000), so that thresholds read at a glance; other text as it is. */
    private static String number(String value) {
        if (!NUMBER.matcher(value.trim()).matches()) {
            return value;
        }
        DecimalFormat grouped = new DecimalFormat("#,##0.############", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return grouped.format(new BigDecimal(value.trim()));
    }
}
