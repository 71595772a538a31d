package com.acme.tiering.demo;

/**
 * Kinds of customer the demo mixes so that every tier, plan, lifecycle stage, RFM segment and churn
 * trigger of PRODUCT.md §4 shows up, with the weight of each in the population and the size class that
 * places it on the revenue Pareto curve.
 */
enum Archetype {
    STRATEGIC(4, Size.LARGE),
    KEY_IRREGULAR(4, Size.LARGE),
    KEY(8, Size.MEDIUM),
    FAST_GROWER(3, Size.MEDIUM),
    DECLINING(3, Size.MEDIUM),
    LAPSED_FREQUENT(4, Size.MEDIUM),
    STEADY_SMALL(33, Size.SMALL),
    NEW(6, Size.SMALL),
    COOLING(6, Size.SMALL),
    DORMANT(6, Size.SMALL),
    LOST(8, Size.SMALL),
    PROSPECT(5, Size.NONE),
    OCCASIONAL(10, Size.SMALL);

    /** Where an account sits on the revenue Pareto curve; prospects buy nothing. */
    enum Size {
        SMALL, MEDIUM, LARGE, NONE
    }

    // Each size class draws from a band of quantiles of one Pareto curve of annual spend, small accounts
    // the lowest, as wide as the class is common among buyers: over all buyers spend is exactly Pareto.
    private static final double[] BAND_FROM = new double[Size.values().length];
    private static final double[] BAND_TO = new double[Size.values().length];

    static {
        double buyers = 0;
        for (Archetype archetype : values()) {
            buyers += archetype.size == Size.NONE ? 0 : archetype.weight;
        }
        double from = 0;
        for (Size size : new Size[] { Size.SMALL, Size.MEDIUM, Size.LARGE }) {
            double width = 0;
            for (Archetype archetype : values()) {
                width += archetype.size == size ? archetype.weight / buyers : 0;
            }
            BAND_FROM[size.ordinal()] = from;
            BAND_TO[size.ordinal()] = Math.min(1, from + width);
            from += width;
        }
    }

    final int weight;
    final Size size;

    Archetype(int weight, Size size) {
        this.weight = weight;
        this.size = size;
    }

    /** A quantile of the spend curve inside this archetype's band, from a uniform roll in [0, 1). */
    double spendQuantile(double roll) {
        int band = size.ordinal();
        return BAND_FROM[band] + (BAND_TO[band] - BAND_FROM[band]) * roll;
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
