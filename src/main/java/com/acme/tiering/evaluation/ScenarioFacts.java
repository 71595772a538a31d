package com.acme.tiering.evaluation;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.acme.tiering.facts.AttributeValues;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.ruleset.AttributeDeclarations;

/**
 * Customer facts from the named cells of a rule-test row: a missing or empty cell is null (which
 * CustomerFacts turns into 0 for counts and amounts); columns named after declared attributes set those.
 * {@code asOf} defaults to 2026-06-30; {@code daysSinceFirstOrder} follows from {@code firstOrderDate} when not given.
 */
final class ScenarioFacts {

    static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 6, 30);

    private ScenarioFacts() {
    }

    /**
     * The facts of a row; a column named after no fact is a customer attribute, kept as the text of its cell (empty:
     * missing) until {@link #typed} checks it against the declarations of the ruleset the scenario runs on.
     */
    static CustomerFacts from(Map<String, String> cells) {
        Map<String, String> attributes = new java.util.TreeMap<>();
        cells.forEach((column, cell) -> {
            if (!CustomerFacts.NAMES.contains(column) && cell != null && !cell.isBlank()) {
                attributes.put(column, cell.trim());
            }
        });
        RecordComponent[] components = CustomerFacts.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getType() == AttributeValues.class ? AttributeValues.of(attributes)
                    : value(components[i], cells.get(components[i].getName()));
        }
        CustomerFacts facts = construct(components, values);
        return facts.completed("scenario", DEFAULT_AS_OF);
    }

    /**
     * The facts with their attributes typed as the ruleset declares them: a column that names neither a fact nor a
     * declared attribute, or a value that does not fit its declaration, is a problem of the scenario.
     */
    static CustomerFacts typed(CustomerFacts facts, AttributeDeclarations declarations, List<String> problems) {
        if (facts.attributes().isEmpty()) {
            return facts;
        }
        AttributeDeclarations.Checked checked = declarations.fromText(facts.attributes().asMap());
        checked.problems().forEach(p -> problems.add(declarations.declares(p.attribute())
                ? p.attribute() + ": " + p.message()
                : "unknown column " + p.attribute() + ": no fact has that name and no attribute declares it"));
        return facts.withAttributes(AttributeValues.of(checked.values()));
    }

    private static Object value(RecordComponent component, String cell) {
        Class<?> type = component.getType();
        boolean empty = cell == null || cell.isBlank();
        try {
            if (empty) {
                return null;
            }
            if (type == Integer.class) {
                return Integer.valueOf(cell.trim());
            }
            if (type == BigDecimal.class) {
                return new BigDecimal(cell.trim());
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(cell.trim());
            }
            return cell.trim();
        }
        catch (RuntimeException badValue) {
            throw new IllegalArgumentException(component.getName() + " '" + cell + "' is not a "
                    + type.getSimpleName(), badValue);
        }
    }

    private static CustomerFacts construct(RecordComponent[] components, Object[] values) {
        try {
            Class<?>[] types = java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
            Constructor<CustomerFacts> constructor = CustomerFacts.class.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        }
        catch (ReflectiveOperationException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
