package com.acme.tiering.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The packed sorted values a single evaluation is placed with: exact against plain counting, and small. */
class ValueLadderTests {

    private static ValueLadder ladder(TreeMap<Long, Long> holders) {
        ValueLadder.Builder builder = ValueLadder.builder();
        holders.forEach(builder::add);
        return builder.build();
    }

    @Test
    void countsBelowAndSumsAboveExactlyAtEveryValueAndBetween() {
        Random random = new Random(5);
        TreeMap<Long, Long> holders = new TreeMap<>();
        while (holders.size() < 1000) {
            // gaps from 1 to a billion, so blocks hold one- to five-byte gaps
            long value = holders.isEmpty() ? 7 : holders.lastKey() + 1 + (long) Math.pow(10, random.nextInt(10))
                    * random.nextInt(10);
            holders.put(value, 1L + (random.nextInt(4) == 0 ? random.nextInt(500) : 0));
        }
        ValueLadder ladder = ladder(holders);
        List<Long> probes = new ArrayList<>(List.of(Long.MIN_VALUE, 0L, 6L, holders.lastKey() + 1, Long.MAX_VALUE));
        holders.keySet().forEach(value -> probes.addAll(List.of(value - 1, value, value + 1)));

        for (long probe : probes) {
            long below = holders.headMap(probe, false).values().stream().mapToLong(Long::longValue).sum();
            long above = holders.tailMap(probe, false).entrySet().stream()
                    .mapToLong(e -> e.getKey() * e.getValue()).sum();
            assertThat(ladder.position(probe)).as("at %d", probe).isEqualTo(new ValueLadder.Position(below, above));
        }
        assertThat(ladder.size()).isEqualTo(1000);
        assertThat(ladder.count()).isEqualTo(holders.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void visitsEveryValueInAscendingOrderWithTheCustomersBelowIt() {
        TreeMap<Long, Long> holders = new TreeMap<>();
        for (long i = 0; i < 150; i++) {
            holders.put(i * i, i % 3 + 1);
        }
        Map<Long, long[]> visited = new TreeMap<>();
        List<Long> order = new ArrayList<>();

        ladder(holders).forEach((value, below, count) -> {
            order.add(value);
            visited.put(value, new long[] { below, count });
        });

        assertThat(order).containsExactlyElementsOf(holders.keySet());
        holders.forEach((value, count) -> assertThat(visited.get(value)).containsExactly(
                holders.headMap(value).values().stream().mapToLong(Long::longValue).sum(), count));
    }

    @Test
    void refusesValuesOutOfOrder() {
        ValueLadder.Builder builder = ValueLadder.builder().add(5, 1);

        assertThatThrownBy(() -> builder.add(5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.add(4, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.add(6, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A million customers, each with its own revenue drawn from the 80/20 curve the demo uses (at least 2,000,
     * alpha 1.16), in cents: the revenue ladder, the largest of a run's three, stays a few MB.
     */
    @Test
    void aMillionDistinctRevenuesTakeAFewMegabytes() {
        Random random = new Random(1);
        long[] cents = new long[1_000_000];
        for (int i = 0; i < cents.length; i++) {
            cents[i] = (long) (200_000 / Math.pow(1 - random.nextDouble(), 1 / 1.16));
        }
        java.util.Arrays.sort(cents);
        ValueLadder.Builder builder = ValueLadder.builder();
        for (int i = 0; i < cents.length; i++) {
            cents[i] = i == 0 ? cents[i] : Math.max(cents[i], cents[i - 1] + 1); // the worst case: all distinct
            builder.add(cents[i], 1);
        }

        ValueLadder ladder = builder.build();

        assertThat(ladder.size()).isEqualTo(1_000_000);
        assertThat(ladder.bytes()).isLessThan(4_000_000);
        assertThat(ladder.position(cents[500_000]).below()).isEqualTo(500_000);
    }
}
