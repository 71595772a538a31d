package com.acme.tiering.facts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.acme.tiering.facts.FactsQueries.CustomerRow;
import com.acme.tiering.facts.FactsQueries.InteractionAggregate;
import com.acme.tiering.facts.FactsQueries.OrderAggregate;
import com.acme.tiering.facts.FactsQueries.RunEntry;
import com.acme.tiering.facts.FactsQueries.Scores;

/**
 * Derives the facts rules read (PRODUCT.md §3) for batches of customers, and the population statistics
 * of a run (§5). Aggregation happens in SQL; only one row per customer and source comes back.
 */
@Service
public class CustomerFactsService {

    private final FactsQueries queries;
    private final PopulationStatisticsStore statistics;
    private final PopulationDistributions distributions;
    private final JdbcClient jdbc;
    private final Clock clock;

    CustomerFactsService(FactsQueries queries, PopulationStatisticsStore statistics,
            PopulationDistributions distributions, JdbcClient jdbc, Clock clock) {
        this.queries = queries;
        this.statistics = statistics;
        this.distributions = distributions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Facts of a batch for a run, with where each customer stood in the run's population; in the order of the
     * ids. A customer added since the run's statistics were computed is placed among its population.
     */
    @Transactional(readOnly = true)
    public List<CustomerFacts> factsForRun(long runId, LocalDate asOf, List<String> customerIds) {
        Optional<PopulationStatistics> stats = statistics.find(runId);
        Map<String, RunEntry> entries = queries.runEntries(runId, customerIds);
        return facts(customerIds, asOf, unscored -> stats
                .map(s -> inRun(s, unscored, entries.get(unscored.customerId())))
                .orElse(unscored(unscored.customerId())));
    }

    /**
     * Facts of one customer, placed among the latest run's population (PRODUCT.md §5); without any run yet the
     * RFM scores and the Pareto share are unknown (null).
     */
    @Transactional(readOnly = true)
    public Optional<CustomerFacts> factsFor(String customerId, LocalDate asOf) {
        return factsFor(List.of(customerId), asOf).stream().findFirst();
    }

    /**
     * Facts of a batch scored as single evaluations are: each customer placed exactly among the latest run's
     * population, its own entry there replaced by its current values. Unchanged, it gets what the run gave it.
     */
    @Transactional(readOnly = true)
    public List<CustomerFacts> factsFor(List<String> customerIds, LocalDate asOf) {
        Optional<PopulationStatistics> latest = statistics.latest();
        if (latest.isEmpty()) {
            return facts(customerIds, asOf, unscored -> unscored(unscored.customerId()));
        }
        PopulationDistribution distribution = distributions.of(latest.get());
        Map<String, RunEntry> own = queries.runEntries(latest.get().runId(), customerIds);
        return facts(customerIds, asOf, unscored -> distribution.place(unscored, own.get(unscored.customerId())));
    }

    private Scores inRun(PopulationStatistics stats, CustomerFacts unscored, RunEntry entry) {
        if (entry == null || entry.revenueAbove() == null) {
            return distributions.of(stats).place(unscored, entry);
        }
        return new Scores(entry.customerId(), score(entry.rWorse(), stats), score(entry.fWorse(), stats),
                score(entry.mWorse(), stats), PopulationFormulas.paretoShare(entry.revenueAbove(), stats.totalRevenue()));
    }

    private static Integer score(Integer worse, PopulationStatistics stats) {
        return worse == null ? null : PopulationFormulas.rfmScore(worse, stats.population());
    }

    private static Scores unscored(String customerId) {
        return new Scores(customerId, null, null, null, null);
    }

    @Transactional
    public PopulationStatistics computePopulationStatistics(long runId, LocalDate asOf) {
        return statistics.compute(runId, asOf, clock.instant());
    }

    public Optional<PopulationStatistics> statisticsOf(long runId) {
        return statistics.find(runId);
    }

    /** The statistics a decision was scored with: its run's, or for a single evaluation the latest at that time. */
    public Optional<PopulationStatistics> statisticsFor(Long runId, java.time.Instant evaluatedAt) {
        return runId != null ? statistics.find(runId) : statistics.inForceAt(evaluatedAt);
    }

    public Optional<PopulationStatistics> latestStatistics() {
        return statistics.latest();
    }

    /** Customer ids after the given one (null: from the start), in id order: keyset paging for runs. */
    public List<String> customerIdsAfter(String afterId, int limit) {
        return jdbc.sql("""
                SELECT customer_id FROM customer WHERE (:after IS NULL OR customer_id > :after)
                ORDER BY customer_id LIMIT :limit
                """).param("after", afterId, java.sql.Types.VARCHAR).param("limit", limit).query(String.class).list();
    }

    public long countCustomers() {
        return jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
    }

    private interface Scoring {
        Scores score(CustomerFacts unscored);
    }

    private List<CustomerFacts> facts(List<String> ids, LocalDate asOf, Scoring scoring) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Windows windows = new Windows(asOf);
        Map<String, CustomerRow> customers = queries.customers(ids);
        Map<String, OrderAggregate> orders = queries.orders(ids, windows);
        Map<String, InteractionAggregate> interactions = queries.interactions(ids, windows);
        Map<String, Integer> nps = queries.latestNps(ids, asOf);
        Map<String, AttributeValues> attributes = queries.attributes(ids);
        List<CustomerFacts> facts = new ArrayList<>(ids.size());
        for (String id : ids) {
            CustomerRow customer = customers.get(id);
            if (customer != null) {
                CustomerFacts unscored = FactDerivation.derive(customer, orders.get(id), interactions.get(id),
                        nps.get(id), asOf).withAttributes(attributes.getOrDefault(id, AttributeValues.NONE));
                facts.add(FactDerivation.scored(unscored, scoring.score(unscored)));
            }
        }
        return facts;
    }
}
