package com.acme.tiering.evaluation;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import com.acme.tiering.facts.CustomerFacts;

/**
 * Customer facts from the named cells of a rule-test row: a missing or empty cell is null (which
 * CustomerFacts turns into 0 for counts and amounts). {@code asOf} defaults to 2026-06-30; {@code daysSinceFirstOrder} follows from
 * {@code firstOrderDate} when not given.
 */
final class ScenarioFacts {

    static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 6, 30);

    private ScenarioFacts() {
    }

    static CustomerFacts from(Map<String, String> cells) {
        Set<String> unknown = new java.util.TreeSet<>(cells.keySet());
        unknown.removeAll(CustomerFacts.NAMES);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown fact column(s) " + unknown);
        }
        RecordComponent[] components = CustomerFacts.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i], cells.get(components[i].getName()));
        }
        CustomerFacts facts = construct(components, values);
        return facts.completed("scenario", DEFAULT_AS_OF);
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
