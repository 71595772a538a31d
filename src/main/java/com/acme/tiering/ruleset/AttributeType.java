package com.acme.tiering.ruleset;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The types a customer attribute is declared with: those of an entitlement ({@link EntitlementType}: integer, decimal,
 * text, yes/no, a code list) and a date. A value is a Long, a BigDecimal, a String, a Boolean or a LocalDate, as
 * {@link EntitlementType#value} makes it from a cell's text (and {@code YYYY-MM-DD} for a date).
 */
public enum AttributeType {

    INTEGER(EntitlementType.INTEGER), DECIMAL(EntitlementType.DECIMAL), TEXT(EntitlementType.TEXT),
    YES_NO(EntitlementType.YES_NO), CODE(EntitlementType.CODE), DATE(null);

    /** The dates an attribute may hold: four-digit years, wide enough for any customer's history and plans. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private final EntitlementType cells;

    AttributeType(EntitlementType cells) {
        this.cells = cells;
    }

    /** The word a declaration uses: integer, decimal, text, yes/no, code, date. */
    public String word() {
        return cells == null ? "date" : cells.word();
    }

    /** Whether its values are ordered, so that a condition may compare them with {@code <}, {@code >=}, …. */
    public boolean ordered() {
        return this == INTEGER || this == DECIMAL || this == DATE;
    }

    /** The type a declaration's word names (case does not matter); null for an unknown word. */
    static AttributeType of(String word) {
        if (word.trim().equalsIgnoreCase("date")) {
            return DATE;
        }
        EntitlementType type = EntitlementType.of(word);
        for (AttributeType attribute : values()) {
            if (attribute.cells != null && attribute.cells == type) {
                return attribute;
            }
        }
        return null;
    }

    /**
     * The typed value of a text: a table cell, a rule test's cell, a page's filter.
     *
     * @throws IllegalArgumentException naming what the text should be instead
     */
    public Object value(String text) {
        if (cells != null) {
            return cells.value(text);
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                throw new IllegalArgumentException("'" + text + "' is not between " + EARLIEST + " and " + LATEST);
            }
            return date;
        }
        catch (DateTimeParseException notADate) {
            throw new IllegalArgumentException("'" + text + "' is not a date: write it as YYYY-MM-DD, e.g. 2026-01-31");
        }
    }

    /** What a value of the type is, in words for a finding or a problem: "a whole number", "yes or no". */
    String described() {
        return switch (this) {
            case INTEGER -> "a whole number";
            case DECIMAL -> "a number";
            case TEXT -> "a text";
            case YES_NO -> "yes or no";
            case CODE -> "a code";
            case DATE -> "a date";
        };
    }

    @Override
    public String toString() {
        return word().toLowerCase(Locale.ROOT);
    }
}
