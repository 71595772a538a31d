package com.acme.tiering.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

/** The digits ratio facts keep are enough for the arithmetic the rules do with them. */
class FactPrecisionTests {

    /**
     * Every avgInterOrderDays the service can derive (a span of up to 730 days over up to 729 gaps), multiplied
     * as a JIT-compiled Drools constraint multiplies it (DECIMAL128): a product that is a whole number of days is
     * exactly that number, so {@code recencyDays > 3 * avgInterOrderDays} is false at exactly three times.
     */
    @Test
    void productsOfDerivedIntervalsThatAreWholeDaysComeOutExact() {
        int checked = 0;
        for (int span = 1; span <= 730; span++) {
            for (int gaps = 1; gaps <= 729; gaps++) {
                BigDecimal average = FactPrecision.ratio(BigDecimal.valueOf(span), BigDecimal.valueOf(gaps));
                for (int factor = 2; factor <= 3; factor++) {
                    if (factor * span % gaps == 0) {
                        assertThat(BigDecimal.valueOf(factor).multiply(average, MathContext.DECIMAL128))
                                .as("%d × %d/%d", factor, span, gaps).isEqualByComparingTo(
                                        BigDecimal.valueOf(factor * span / gaps));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(5000);
    }

    @Test
    void aFactWithOnlyTheEnginesDigitsWouldMissTheBoundary() {
        BigDecimal engineDigits = BigDecimal.valueOf(91).divide(BigDecimal.valueOf(3), MathContext.DECIMAL128);

        assertThat(BigDecimal.valueOf(3).multiply(engineDigits, MathContext.DECIMAL128)).isLessThan(
                BigDecimal.valueOf(91));
    }

    @Test
    void theParetoShareDoesNotDependOnTheScaleItsInputsCameWith() {
        assertThat(PopulationFormulas.paretoShare(new BigDecimal("1350.00"), new BigDecimal("2700")))
                .isEqualTo(PopulationFormulas.paretoShare(new BigDecimal("1350"), new BigDecimal("2700.00")))
                .isEqualTo(new BigDecimal("0.5"));
        assertThat(PopulationFormulas.paretoShare(BigDecimal.ZERO, new BigDecimal("10.00"))).isEqualTo(BigDecimal.ZERO);
        assertThat(PopulationFormulas.paretoShare(BigDecimal.ZERO, BigDecimal.ZERO)).isEqualTo(BigDecimal.ONE);
    }
}
