package com.acme.tiering.facts;

import java.math.BigDecimal;

/**
 * PRODUCT.md §5's two formulas, the only place they are computed: a run and a single evaluation between runs
 * both give them the counts and sums they found, so the same inputs give the same facts to the last digit.
 */
final class PopulationFormulas {

    private PopulationFormulas() {
    }

    /** score = floor(worse × 5 / population) + 1, with worse the buyers strictly worse than the customer. */
    static int rfmScore(long worse, long population) {
        return (int) (worse * 5 / population) + 1;
    }

    /**
     * The revenue of the customers with strictly higher revenue over the total: the top customer has 0, a customer
     * without revenue 1 (all revenue is above it), everyone 1 when there is no revenue at all. Trailing zeros are
     * stripped, so the share does not depend on the scale its inputs were read with.
     */
    static BigDecimal paretoShare(BigDecimal revenueAbove, BigDecimal totalRevenue) {
        if (totalRevenue.signum() == 0) {
            return BigDecimal.ONE;
        }
        return FactPrecision.ratio(revenueAbove, totalRevenue).stripTrailingZeros();
    }
}
