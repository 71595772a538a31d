package com.acme.tiering.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Two versions of a list (the tiers, entitlements, plan rows or trigger rows of two ruleset versions) lined up item
 * by item: each item of the later version with the earlier one it continues, or alone when it is new, and each
 * earlier item nothing continues where it stood. Items are matched by the first key, then what is left by the next
 * (a trigger by its id and risk, then by its id alone, so a row whose risk changed is that row changed); items with
 * equal keys match in their order.
 */
final class Alignment {

    /** An earlier item and the later one that continues it; either is null when the item was added or removed. */
    record Pair<T>(T before, T after) {
    }

    private Alignment() {
    }

    @SafeVarargs
    static <T> List<Pair<T>> of(List<T> before, List<T> after, Function<T, ?>... keys) {
        Map<T, T> continued = new IdentityHashMap<>();
        List<T> unmatched = new ArrayList<>(before);
        for (Function<T, ?> key : keys) {
            Map<Object, Deque<T>> waiting = new HashMap<>();
            unmatched.forEach(item -> waiting.computeIfAbsent(key.apply(item), k -> new ArrayDeque<>()).add(item));
            for (T item : after) {
                Deque<T> same = continued.containsKey(item) ? null : waiting.get(key.apply(item));
                if (same != null && !same.isEmpty()) {
                    T earlier = same.poll();
                    continued.put(item, earlier);
                    unmatched.removeIf(other -> other == earlier);
                }
            }
        }
        return merged(before, after, continued);
    }

    /** The later order, each removed item placed after the items that stood before it in the earlier order. */
    private static <T> List<Pair<T>> merged(List<T> before, List<T> after, Map<T, T> continued) {
        Map<T, Boolean> placed = new IdentityHashMap<>();
        List<Pair<T>> pairs = new ArrayList<>();
        for (T item : after) {
            T earlier = continued.get(item);
            if (earlier != null) {
                for (T older : before) {
                    if (older == earlier) {
                        break;
                    }
                    if (!continued.containsValue(older) && placed.put(older, true) == null) {
                        pairs.add(new Pair<>(older, null));
                    }
                }
                placed.put(earlier, true);
            }
            pairs.add(new Pair<>(earlier, item));
        }
        before.stream().filter(older -> !placed.containsKey(older) && !continued.containsValue(older))
                .forEach(older -> pairs.add(new Pair<>(older, null)));
        return pairs;
    }
}
