package com.acme.tiering.ruleset;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.acme.tiering.Text;

/**
 * One attribute of customers an operations manager declared in the rule files (sheet {@code Attributes} of
 * {@code customer-attributes.xlsx}): the company's own data about a customer, which rules read like facts and which
 * the company's systems send with the customer ({@code PUT /api/v1/customers/{id}}, {@code attributes}).
 *
 * @param codes the allowed values of a code attribute (its list on the Codes sheet, or those its row gives); else empty
 * @param codeList the list on the Codes sheet a code attribute takes its codes from, null when its row lists them
 * @param min the least value allowed (a BigDecimal, or a LocalDate for a date), null for none
 * @param max the greatest value allowed, likewise
 * @param declaredIn where it is declared, e.g. {@code customer-attributes.xlsx › Attributes › A2}
 */
public record CustomerAttribute(String name, AttributeType type, String codeList, List<String> codes, Object min,
        Object max, boolean required, String description, String declaredIn) {

    /** A text attribute's longest value: what customer_attribute.value_text holds (V23). */
    public static final int MAX_TEXT = 200;

    public CustomerAttribute {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    /**
     * A value as a system sends it in JSON: a String, a Number, a Boolean (a Map or List never fits).
     *
     * @return the typed value: Long, BigDecimal, String, Boolean or LocalDate
     * @throws IllegalArgumentException saying what the value should be, in the words of a 400's field message
     */
    public Object fromJson(Object given) {
        boolean fits = switch (type) {
            case INTEGER, DECIMAL -> given instanceof Number;
            case YES_NO -> given instanceof Boolean;
            case TEXT, CODE, DATE -> given instanceof String;
        };
        if (!fits) {
            throw new IllegalArgumentException("must be " + expected() + ", not " + json(given));
        }
        String text = given instanceof Number number ? plain(number) : given.toString();
        if (type == AttributeType.TEXT && (text.length() > MAX_TEXT || !text.matches(Text.ONE_LINE))) {
            throw new IllegalArgumentException(text.length() > MAX_TEXT ? "must be at most " + MAX_TEXT
                    + " characters" : Text.ONE_LINE_MESSAGE);
        }
        return checked(text);
    }

    /**
     * A value as a table cell, a rule test or a page writes it: its text.
     *
     * @throws IllegalArgumentException saying what the value should be instead
     */
    public Object fromText(String text) {
        return checked(text.trim());
    }

    private Object checked(String text) {
        Object value;
        try {
            value = type.value(text);
        }
        catch (IllegalArgumentException wrongType) {
            throw new IllegalArgumentException(wrongType.getMessage() + ": " + name + " is " + expected());
        }
        if (type == AttributeType.CODE && !codes.contains(value)) {
            throw new IllegalArgumentException("'" + text + "' is not one of " + String.join(", ", codes));
        }
        if (outside(value)) {
            throw new IllegalArgumentException("'" + text + "' is outside " + range());
        }
        return value;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private boolean outside(Object value) {
        Object comparable = value instanceof Long whole ? BigDecimal.valueOf(whole) : value;
        return min != null && ((Comparable) min).compareTo(comparable) > 0
                || max != null && ((Comparable) max).compareTo(comparable) < 0;
    }

    /** The declaration in a few words: {@code code: DECISION_MAKER, INFLUENCER, USER}, {@code integer, 0 to 100}. */
    public String describe() {
        String range = range();
        return type == AttributeType.CODE ? "code: " + String.join(", ", codes)
                : type.word() + (range.isEmpty() ? "" : ", " + range);
    }

    /** What a value must be: "a whole number (integer)", "one of FRAMEWORK, ONE_OFF". */
    private String expected() {
        return type == AttributeType.CODE ? "one of " + String.join(", ", codes)
                : type == AttributeType.DATE ? "a date written YYYY-MM-DD"
                : type.described() + (type == AttributeType.YES_NO ? " (true or false)" : " (" + type.word() + ")");
    }

    private String range() {
        if (min == null && max == null) {
            return "";
        }
        return min == null ? "at most " + text(max) : max == null ? "at least " + text(min)
                : text(min) + " to " + text(max);
    }

    private static String text(Object bound) {
        return bound instanceof BigDecimal number ? EntitlementType.decimal(number).toPlainString() : bound.toString();
    }

    private static String plain(Number number) {
        BigDecimal decimal = number instanceof BigDecimal exact ? exact : new BigDecimal(number.toString());
        return decimal.stripTrailingZeros().scale() <= 0 ? decimal.toBigInteger().toString()
                : decimal.stripTrailingZeros().toPlainString();
    }

    private static String json(Object given) {
        if (given instanceof String text) {
            return "the text '" + text + "'";
        }
        if (given instanceof Number number) {
            return "the number " + plain(number);
        }
        return given instanceof Boolean flag ? "the yes/no " + flag : given instanceof Map<?, ?> ? "an object"
                : given instanceof List<?> ? "a list" : "'" + given + "'";
    }
}
