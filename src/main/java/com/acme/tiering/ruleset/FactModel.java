package com.acme.tiering.ruleset;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.acme.tiering.facts.AssignedTier;
import com.acme.tiering.facts.AttributeValues;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.facts.PlanContext;
import com.acme.tiering.facts.TierCandidate;

/**
 * The types rules may match and their properties. Each property's accessor is turned into a plain
 * function once, here, so reading a fact's value for an explanation costs an ordinary method call: no
 * reflection, no method-handle invocation and no lookup by name on the hot path.
 */
public final class FactModel {

    /** Reads one property of one fact type. */
    public record Reader(Class<?> type, String property, Function<Object, Object> accessor) {

        /** Whether the object is a fact of this reader's type. */
        public boolean reads(Object fact) {
            return type.isInstance(fact);
        }

        /** The property's value; the fact must be of this reader's type. */
        public Object valueOf(Object fact) {
            return accessor.apply(fact);
        }

        @Override
        public String toString() {
            return type.getSimpleName() + "." + property;
        }
    }

    private static final Map<String, Map<String, Reader>> READERS = new HashMap<>();

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (Class<?> type : Set.of(CustomerFacts.class, TierCandidate.class, AssignedTier.class, PlanContext.class)) {
            Map<String, Reader> properties = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getType() == AttributeValues.class) {
                    continue; // read one by one, by the attribute's name: attributeReader
                }
                properties.put(component.getName(),
                        new Reader(type, component.getName(), accessor(lookup, type, component)));
            }
            READERS.put(type.getSimpleName(), properties);
        }
    }

    private FactModel() {
    }

    public static boolean isFactType(String simpleName) {
        return READERS.containsKey(simpleName);
    }

    public static Set<String> properties(String simpleName) {
        return READERS.getOrDefault(simpleName, Map.of()).keySet();
    }

    /** The reader of a property of a fact type, both by the names rules use; null when there is none. */
    public static Reader reader(String simpleName, String property) {
        return READERS.getOrDefault(simpleName, Map.of()).get(property);
    }

    /** Whether facts of the type carry the customer's attribute values, which rules read like its properties. */
    public static boolean carriesAttributes(String simpleName) {
        return simpleName.equals("CustomerFacts") || simpleName.equals("PlanContext");
    }

    /**
     * The reader of a declared attribute on a fact type that carries them, the value null when the customer has
     * none; null when the type carries no attributes.
     */
    public static Reader attributeReader(String simpleName, String attribute) {
        return switch (simpleName) {
            case "CustomerFacts" -> new Reader(CustomerFacts.class, attribute,
                    fact -> ((CustomerFacts) fact).attributes().value(attribute));
            case "PlanContext" -> new Reader(PlanContext.class, attribute,
                    fact -> ((PlanContext) fact).attributes().value(attribute));
            default -> null;
        };
    }

    /** The record component's accessor as a function, primitives boxed: what a method reference would compile to. */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> accessor(MethodHandles.Lookup lookup, Class<?> type,
            RecordComponent component) {
        try {
            MethodHandle getter = lookup.unreflect(component.getAccessor());
            CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                    MethodType.methodType(Object.class, Object.class), getter,
                    MethodType.methodType(component.getType(), type).wrap());
            return (Function<Object, Object>) site.getTarget().invokeExact();
        }
        catch (Throwable impossible) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + type.getSimpleName(),
                    impossible);
        }
    }
}
