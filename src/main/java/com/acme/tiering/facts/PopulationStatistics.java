package com.acme.tiering.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The population statistics of one run (PRODUCT.md §5), as of its date: what the explanation shows as the
 * population its scores and share were computed against. The scores themselves come from the run's exact
 * per-customer entries, or between runs from its {@link PopulationDistribution}; the cut-offs here are for people.
 * (Statistics stored by earlier versions also hold a Pareto curve; it is no longer read.)
 *
 * @param population customers with at least one order (the RFM population)
 * @param customers all customers (the Pareto population)
 * @param recencyCutoffs for scores 2..5, the largest recencyDays that earns the score (null: no customer has it)
 * @param frequencyCutoffs for scores 2..5, the smallest ordersLast12m that earns the score
 * @param monetaryCutoffs for scores 2..5, the smallest revenueLast12m that earns the score
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PopulationStatistics(
        long runId,
        LocalDate asOf,
        int population,
        int customers,
        BigDecimal totalRevenue,
        List<Integer> recencyCutoffs,
        List<Integer> frequencyCutoffs,
        List<BigDecimal> monetaryCutoffs) {
}
