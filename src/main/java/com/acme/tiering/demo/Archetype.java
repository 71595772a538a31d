package com.acme.tiering.demo;

/**
 * Kinds of customer the demo mixes so that every tier, plan, lifecycle stage, RFM segment and churn
 * trigger of PRODUCT.md §4 shows up, with the weight of each in the population.
 */
enum Archetype {
    STRATEGIC(4),
    KEY_IRREGULAR(4),
    KEY(8),
    FAST_GROWER(3),
    DECLINING(3),
    LAPSED_FREQUENT(4),
    STEADY_SMALL(33),
    NEW(6),
    COOLING(6),
    DORMANT(6),
    LOST(8),
    PROSPECT(5),
    OCCASIONAL(10);

    final int weight;

    Archetype(int weight) {
        this.weight = weight;
    }

    static Archetype pick(int roll) {
        int total = 0;
        for (Archetype archetype : values()) {
            total += archetype.weight;
            if (roll < total) {
                return archetype;
            }
        }
        return STEADY_SMALL;
    }

    static int totalWeight() {
        int total = 0;
        for (Archetype archetype : values()) {
            total += archetype.weight;
        }
        return total;
    }
}
