package com.acme.tiering.facts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How precisely facts that are ratios (revenueGrowthPct, avgOrderValue12m, avgInterOrderDays, paretoShare) reach
 * the rules: 40 significant digits, six more than the rules compute with. Drools' MVEL dialect, interpreted and
 * JIT-compiled alike, does BigDecimal arithmetic in {@link MathContext#DECIMAL128} (34 digits). A fact with more
 * digits than that makes a product in a rule round back to the exact value whenever the exact value has 34 digits
 * or fewer: 4 orders over 91 days give avgInterOrderDays 30.33…33 (40 digits), and {@code 3 * avgInterOrderDays}
 * is 91 in the rule, as PRODUCT.md §4.4 means, not 90.99…99. Any other ratio of amounts or days (a growth of
 * 49.99995% stays 49.99995) is far further from a threshold a rule can hold than the 40th digit the rounding
 * moves. Only display rounds further.
 */
public final class FactPrecision {

    public static final MathContext CONTEXT = new MathContext(40, RoundingMode.HALF_EVEN);

    private FactPrecision() {
    }

    /** numerator / denominator to {@link #CONTEXT}; the denominator is not zero. */
    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, CONTEXT);
    }
}
