package com.acme.tiering.facts;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The values of a customer's declared attributes (rules/customer-attributes.xlsx), by name: a Long for an integer
 * attribute, a BigDecimal for a decimal, a String for a text or a code, a Boolean for yes/no, a LocalDate for a date.
 * An attribute without a value is missing: it is not here. Immutable, in name order.
 *
 * <p>Rules read a value through {@link #holds}: the service writes that call for a table's condition on an attribute,
 * and a DRL rule may write it too ({@code CustomerFacts( attributes.holds("contractType", "==", "FRAMEWORK") )}).
 * A missing value matches no condition, {@code !=} and {@code not in} included.
 */
public final class AttributeValues {

    public static final AttributeValues NONE = new AttributeValues(new TreeMap<>());

    /** How a value is stored (customer_attribute.value_type): the type it was checked as when it was written. */
    public enum Stored { INTEGER, DECIMAL, TEXT, YES_NO, DATE }

    private final Map<String, Object> values;

    private AttributeValues(TreeMap<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The values given, missing ones (null) left out; whole numbers become Long, other numbers BigDecimal, so that a
     * value read back from JSON compares as the one written.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AttributeValues of(Map<String, ?> given) {
        if (given == null || given.isEmpty()) {
            return NONE;
        }
        TreeMap<String, Object> values = new TreeMap<>();
        given.forEach((name, value) -> {
            if (value != null) {
                values.put(name, normalised(value));
            }
        });
        return values.isEmpty() ? NONE : new AttributeValues(values);
    }

    /** A value as read from customer_attribute. */
    public static Object fromStored(String type, String text) {
        return switch (Stored.valueOf(type)) {
            case INTEGER -> Long.valueOf(text);
            case DECIMAL -> new BigDecimal(text);
            case YES_NO -> Boolean.valueOf(text);
            case DATE -> LocalDate.parse(text);
            case TEXT -> text;
        };
    }

    /** How a value is stored: its type. */
    public static Stored storedType(Object value) {
        return value instanceof Long ? Stored.INTEGER : value instanceof BigDecimal ? Stored.DECIMAL
                : value instanceof Boolean ? Stored.YES_NO : value instanceof LocalDate ? Stored.DATE : Stored.TEXT;
    }

    /** How a value is stored: its text, which {@link #fromStored} reads back as the same value. */
    public static String storedText(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /** The values by name, in name order: what JSON shows. */
    @JsonValue
    public Map<String, Object> asMap() {
        return values;
    }

    /** The value of an attribute, null when it is missing. */
    public Object value(String name) {
        return values.get(name);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** These values with one more, or one changed; null removes it. */
    public AttributeValues with(String name, Object value) {
        TreeMap<String, Object> changed = new TreeMap<>(values);
        if (value == null) {
            changed.remove(name);
        }
        else {
            changed.put(name, normalised(value));
        }
        return changed.isEmpty() ? NONE : new AttributeValues(changed);
    }

    /**
     * Whether the attribute's value meets the condition, e.g. {@code holds("contractType", "==", "FRAMEWORK")},
     * {@code holds("orderCap", ">=", "4")}, {@code holds("relationshipDepth", "in", "DECISION_MAKER, INFLUENCER")}.
     * False when the value is missing, whatever the operator.
     */
    public boolean holds(String name, String operator, String literal) {
        return holds(values.get(name), operator, literal);
    }

    /**
     * Whether a value meets a condition with a literal as a table cell writes it: numbers compare by value, dates as
     * dates, yes/no as {@code yes}/{@code no} (or true/false), texts and codes exactly. A missing value, and a
     * value that cannot be compared with the literal, meet no condition.
     */
    public static boolean holds(Object actual, String operator, String literal) {
        if (actual == null || literal == null) {
            return false;
        }
        return switch (operator) {
            case "in", "not in" -> {
                boolean member = false;
                for (String item : literal.split(",")) {
                    member |= equal(actual, item.trim());
                }
                yield operator.equals("in") == member;
            }
            case "==" -> equal(actual, literal.trim());
            case "!=" -> comparable(actual, literal.trim()) && !equal(actual, literal.trim());
            default -> {
                Integer cmp = compare(actual, literal.trim());
                yield cmp != null && switch (operator) {
                    case "<" -> cmp < 0;
                    case "<=" -> cmp <= 0;
                    case ">" -> cmp > 0;
                    case ">=" -> cmp >= 0;
                    default -> false;
                };
            }
        };
    }

    private static boolean equal(Object actual, String literal) {
        if (actual instanceof Boolean flag) {
            Boolean given = flag(literal);
            return flag.equals(given);
        }
        if (actual instanceof String text) {
            return text.equals(literal);
        }
        Integer cmp = compare(actual, literal);
        return cmp != null && cmp == 0;
    }

    private static boolean comparable(Object actual, String literal) {
        return actual instanceof String || actual instanceof Boolean ? actual instanceof String || flag(literal) != null
                : compare(actual, literal) != null;
    }

    /** Numbers with numbers and dates with dates; null when the two cannot be ordered. */
    private static Integer compare(Object actual, String literal) {
        try {
            if (actual instanceof Number number) {
                return decimal(number).compareTo(new BigDecimal(literal));
            }
            if (actual instanceof LocalDate date) {
                return date.compareTo(LocalDate.parse(literal));
            }
        }
        catch (NumberFormatException | DateTimeParseException notComparable) {
            return null;
        }
        return null;
    }

    private static Boolean flag(String literal) {
        return switch (literal.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> Boolean.TRUE;
            case "no", "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal decimal ? decimal
                : number instanceof Long || number instanceof Integer ? BigDecimal.valueOf(number.longValue())
                : new BigDecimal(number.toString());
    }

    private static Object normalised(Object value) {
        if (value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger whole) {
            return whole.longValueExact();
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString());
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttributeValues that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
