package com.acme.tiering.facts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;

/**
 * The population statistics of one run (PRODUCT.md §5), as of its date. Exact per-customer scores
 * are stored for the run itself; this summary lets a single evaluation between runs score a customer
 * against the run's cut-offs and Pareto curve.
 *
 * @param population customers with at least one order (the RFM population)
 * @param customers all customers (the Pareto population)
 * @param recencyCutoffs for scores 2..5, the largest recencyDays that still earns the score
 * @param frequencyCutoffs for scores 2..5, the smallest ordersLast12m that earns the score
 * @param monetaryCutoffs for scores 2..5, the smallest revenueLast12m that earns the score
 * @param paretoCurve points (revenueLast12m, paretoShare), revenue descending, at most about 1,000
 */
public record PopulationStatistics(
        long runId,
        LocalDate asOf,
        int population,
        int customers,
        BigDecimal totalRevenue,
        List<Integer> recencyCutoffs,
        List<Integer> frequencyCutoffs,
        List<BigDecimal> monetaryCutoffs,
        List<CurvePoint> paretoCurve) {

    public record CurvePoint(BigDecimal revenue, BigDecimal share) {
    }

    Integer recencyScore(Integer recencyDays) {
        if (recencyDays == null || recencyCutoffs.isEmpty()) {
            return null;
        }
        int score = 1;
        for (Integer cutoff : recencyCutoffs) {
            if (cutoff != null && recencyDays <= cutoff) {
                score++;
            }
        }
        return score;
    }

    Integer frequencyScore(boolean hasOrders, int ordersLast12m) {
        if (!hasOrders || frequencyCutoffs.isEmpty()) {
            return null;
        }
        return 1 + (int) frequencyCutoffs.stream().filter(c -> c != null && ordersLast12m >= c).count();
    }

    Integer monetaryScore(boolean hasOrders, BigDecimal revenueLast12m) {
        if (!hasOrders || monetaryCutoffs.isEmpty()) {
            return null;
        }
        return 1 + (int) monetaryCutoffs.stream().filter(c -> c != null && revenueLast12m.compareTo(c) >= 0).count();
    }

    /**
     * Approximately where a revenue would sit on the run's Pareto curve: the share reached by the
     * customers with at least that revenue. Zero revenue is 1.0, as in the exact computation.
     */
    BigDecimal paretoShare(BigDecimal revenueLast12m) {
        if (revenueLast12m.signum() <= 0 || totalRevenue.signum() <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal share = revenueLast12m.divide(totalRevenue, MathContext.DECIMAL64).min(BigDecimal.ONE);
        for (CurvePoint point : paretoCurve) {
            if (point.revenue().compareTo(revenueLast12m) >= 0) {
                share = point.share();
            }
        }
        return share;
    }
}
