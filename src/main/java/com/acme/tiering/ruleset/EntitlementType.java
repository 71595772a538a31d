package com.acme.tiering.ruleset;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The types an entitlement column of a plan table declares, and how a cell's text becomes the typed value the
 * lookup answers: a whole number (Long), a decimal (BigDecimal, trailing zeros dropped), a text or code (String),
 * yes/no (Boolean). The safe dialect checks every cell with {@link #value} before anything is compiled, and the
 * generated rule hands the same text to the same method, so what was checked is what is decided.
 */
public enum EntitlementType {

    INTEGER("integer"), DECIMAL("decimal"), TEXT("text"), YES_NO("yes/no"), CODE("code");

    private static final Pattern WHOLE = Pattern.compile("^-?\\d{1,18}$");
    private static final Pattern DECIMAL_NUMBER = Pattern.compile("^-?\\d{1,18}(\\.\\d{1,12})?$");

    private final String word;

    EntitlementType(String word) {
        this.word = word;
    }

    /** The word a declaration and the generated call use: integer, decimal, text, yes/no, code. */
    public String word() {
        return word;
    }

    /** The type a declaration's word names (case does not matter); null for an unknown word. */
    static EntitlementType of(String word) {
        for (EntitlementType type : values()) {
            if (type.word.equalsIgnoreCase(word.trim())) {
                return type;
            }
        }
        return null;
    }

    /**
     * The typed value of a cell's text.
     *
     * @throws IllegalArgumentException naming what the cell should hold instead
     */
    public Object value(String text) {
        String cell = text.trim();
        return switch (this) {
            case INTEGER -> {
                if (!WHOLE.matcher(cell).matches()) {
                    throw new IllegalArgumentException("'" + text + "' is not a whole number");
                }
                yield Long.valueOf(cell);
            }
            case DECIMAL -> {
                if (!DECIMAL_NUMBER.matcher(cell).matches()) {
                    throw new IllegalArgumentException("'" + text + "' is not a number");
                }
                yield decimal(new BigDecimal(cell));
            }
            case YES_NO -> switch (cell.toLowerCase(Locale.ROOT)) {
                case "yes", "true" -> Boolean.TRUE;
                case "no", "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("'" + text + "' is neither yes nor no");
            };
            case TEXT, CODE -> cell;
        };
    }

    /** A decimal as the lookup shows it: 5 for 5.00, 2.5 for 2.50, never 1E+1. */
    public static BigDecimal decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
