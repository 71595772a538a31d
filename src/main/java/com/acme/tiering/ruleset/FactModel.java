package com.acme.tiering.ruleset;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.acme.tiering.facts.AssignedTier;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.facts.PlanContext;
import com.acme.tiering.facts.TierCandidate;

/**
 * The types rules may match and their properties. Accessors are resolved once, here, so reading a
 * fact's value for an explanation costs a method-handle call, not a reflective lookup.
 */
public final class FactModel {

    private static final Map<String, Map<String, MethodHandle>> ACCESSORS = new HashMap<>();

    static {
        for (Class<?> type : Set.of(CustomerFacts.class, TierCandidate.class, AssignedTier.class, PlanContext.class)) {
            Map<String, MethodHandle> properties = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                try {
                    properties.put(component.getName(), MethodHandles.publicLookup().unreflect(component.getAccessor()));
                }
                catch (IllegalAccessException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
            ACCESSORS.put(type.getSimpleName(), properties);
        }
    }

    private FactModel() {
    }

    public static boolean isFactType(String simpleName) {
        return ACCESSORS.containsKey(simpleName);
    }

    public static Set<String> properties(String simpleName) {
        return ACCESSORS.getOrDefault(simpleName, Map.of()).keySet();
    }

    /** The value of a property of a matched fact, or null when the object is not of that type. */
    public static Object value(Object fact, String property) {
        MethodHandle accessor = ACCESSORS.getOrDefault(fact.getClass().getSimpleName(), Map.of()).get(property);
        if (accessor == null) {
            return null;
        }
        try {
            return accessor.invoke(fact);
        }
        catch (Throwable unexpected) {
            throw new IllegalStateException("Cannot read " + property + " of " + fact.getClass().getSimpleName(),
                    unexpected);
        }
    }
}
