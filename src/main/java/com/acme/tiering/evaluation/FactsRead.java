package com.acme.tiering.evaluation;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fact values one fired rule read, by fact name in condition order: what {@link Explanation.FiredRule}
 * holds. A rule reads two or three facts, and a decision fires half a dozen rules, so two small arrays replace
 * a LinkedHashMap with its table and entry objects per firing. Read-only once recorded; it equals, hashes and
 * prints as any other map with the same entries.
 */
final class FactsRead extends AbstractMap<String, Object> {

    private final String[] names;
    private final Object[] values;
    private int size;

    FactsRead(int capacity) {
        names = new String[capacity];
        values = new Object[capacity];
    }

    /** Records a fact's value; a fact read again keeps its place and takes the later value. */
    void record(String name, Object value) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                values[i] = value;
                return;
            }
        }
        names[size] = name;
        values[size++] = value;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public Object get(Object name) {
        int index = indexOf(name);
        return index < 0 ? null : values[index];
    }

    private int indexOf(Object name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {

            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {

                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> entry = new SimpleImmutableEntry<>(names[next], values[next]);
                        next++;
                        return entry;
                    }
                };
            }
        };
    }
}
