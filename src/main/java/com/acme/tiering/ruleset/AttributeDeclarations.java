package com.acme.tiering.ruleset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import com.acme.tiering.facts.AttributeValues;

/**
 * The customer attributes a ruleset version declares ({@code customer-attributes.xlsx}), in the order declared:
 * what ingestion checks a customer's values against, and what rule tables may read besides the built-in facts.
 * Immutable, like the version it belongs to.
 */
public final class AttributeDeclarations {

    /** A version that declares no attributes. */
    public static final AttributeDeclarations NONE = new AttributeDeclarations(List.of());

    /** What is wrong with the value of one attribute, for a 400 naming {@code attributes.<name>}. */
    public record Problem(String attribute, String message) {
    }

    /**
     * Values checked against their declarations.
     *
     * @param values the typed values by name, null for an attribute to remove; complete only without problems
     */
    public record Checked(Map<String, Object> values, List<Problem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Map<String, CustomerAttribute> byName;

    AttributeDeclarations(List<CustomerAttribute> attributes) {
        Map<String, CustomerAttribute> names = new LinkedHashMap<>();
        attributes.forEach(attribute -> names.put(attribute.name(), attribute));
        this.byName = Collections.unmodifiableMap(names);
    }

    /** The declarations, in the order of the sheet. */
    public List<CustomerAttribute> all() {
        return List.copyOf(byName.values());
    }

    public Optional<CustomerAttribute> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    public boolean declares(String name) {
        return name != null && byName.containsKey(name);
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /**
     * Values as a system sends them in JSON, each checked against its declaration: an attribute the version does not
     * declare, a value of another type, a code not in the list, a value outside the range. Null removes a value.
     */
    public Checked check(Map<String, ?> given) {
        return checked(given, CustomerAttribute::fromJson);
    }

    /** Values written as text (a rule test's cells, a page's filter), each checked against its declaration. */
    public Checked fromText(Map<String, ?> given) {
        return checked(given, (attribute, value) -> attribute.fromText(value.toString()));
    }

    /**
     * A value as a filter writes it, in the form customer_attribute stores it ({@code yes} of a yes/no attribute is
     * {@code true}, {@code 2.50} of a decimal is {@code 2.5}); of an attribute no longer declared, as written.
     *
     * @throws IllegalArgumentException when the value does not fit the attribute's declaration
     */
    public String storedText(String attribute, String text) {
        CustomerAttribute declared = byName.get(attribute);
        return declared == null ? text.trim() : AttributeValues.storedText(declared.fromText(text));
    }

    /** The required attributes the values lack. */
    public List<Problem> missingRequired(AttributeValues values) {
        return byName.values().stream().filter(CustomerAttribute::required).filter(a -> values.value(a.name()) == null)
                .map(a -> new Problem(a.name(), "is required: every customer has a " + a.name() + " ("
                        + a.describe() + ")"))
                .toList();
    }

    private Checked checked(Map<String, ?> given, BiFunction<CustomerAttribute, Object, Object> typed) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        given.forEach((name, value) -> {
            CustomerAttribute attribute = byName.get(name);
            if (attribute == null) {
                problems.add(new Problem(name, "is not a declared attribute: " + (byName.isEmpty()
                        ? "the rules in force declare none" : "the rules in force declare "
                                + String.join(", ", byName.keySet()))));
                return;
            }
            try {
                values.put(name, value == null ? null : typed.apply(attribute, value));
            }
            catch (IllegalArgumentException wrong) {
                problems.add(new Problem(name, wrong.getMessage()));
            }
        });
        return new Checked(Collections.unmodifiableMap(values), List.copyOf(problems));
    }

    @Override
    public String toString() {
        return byName.keySet().toString();
    }
}
