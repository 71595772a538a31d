package com.acme.tiering.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import com.acme.tiering.facts.FactsQueries.Scores;

/**
 * Derives the facts rules read (PRODUCT.md §3) for batches of customers, and the population statistics
 * of a run (§5). Aggregation happens in SQL; only one row per customer and source comes back.
 */
@Service
public class CustomerFactsService {

    private final FactsQueries queries;
    private final PopulationStatisticsStore statistics;
    private final JdbcClient jdbc;
    private final Clock clock;

    CustomerFactsService(FactsQueries queries, PopulationStatisticsStore statistics, JdbcClient jdbc, Clock clock) {
        this.queries = queries;
        this.statistics = statistics;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Facts of a batch for a run, scored with the run's exact population scores; in the order of the ids. */
    @Transactional(readOnly = true)
    public List<CustomerFacts> factsForRun(long runId, LocalDate asOf, List<String> customerIds) {
        Map<String, Scores> scores = queries.runScores(runId, customerIds);
        return facts(customerIds, asOf, (id, raw) -> {
            Scores s = scores.get(id);
            return s == null ? new Scores(id, null, null, null, null) : s;
        });
    }

    /**
     * Facts of one customer, scored against the latest run's cut-offs and Pareto curve; without any run
     * yet the RFM scores and the Pareto share are unknown (null).
     */
    @Transactional(readOnly = true)
    public Optional<CustomerFacts> factsFor(String customerId, LocalDate asOf) {
        return factsFor(List.of(customerId), asOf).stream().findFirst();
    }

    /** Facts of a batch scored as single evaluations are: against the latest run's cut-offs and curve. */
    @Transactional(readOnly = true)
    public List<CustomerFacts> factsFor(List<String> customerIds, LocalDate asOf) {
        Optional<PopulationStatistics> latest = statistics.latest();
        return facts(customerIds, asOf, (id, raw) -> latest
                .map(stats -> new Scores(id, stats.recencyScore(raw.recencyDays()),
                        stats.frequencyScore(raw.firstOrderDate() != null, raw.ordersLast12m()),
                        stats.monetaryScore(raw.firstOrderDate() != null, raw.revenueLast12m()),
                        stats.paretoShare(raw.revenueLast12m())))
                .orElse(new Scores(id, null, null, null, null)));
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
        Scores score(String customerId, CustomerFacts unscored);
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
        List<CustomerFacts> facts = new ArrayList<>(ids.size());
        for (String id : ids) {
            CustomerRow customer = customers.get(id);
            if (customer != null) {
                CustomerFacts raw = derive(customer, orders.get(id), interactions.get(id), nps.get(id), asOf, null);
                facts.add(derive(customer, orders.get(id), interactions.get(id), nps.get(id), asOf,
                        scoring.score(id, raw)));
            }
        }
        return facts;
    }

    private static CustomerFacts derive(CustomerRow c, OrderAggregate o, InteractionAggregate i, Integer nps,
            LocalDate asOf, Scores scores) {
        LocalDate first = o == null ? null : o.firstOrder();
        int orders12 = o == null ? 0 : o.orders12();
        BigDecimal rev12 = money(o == null ? null : o.rev12());
        BigDecimal prev12 = money(o == null ? null : o.revPrev12());
        return new CustomerFacts(c.customerId(), c.name(), c.industry(), c.region(), c.employees(), c.accountOwner(),
                asOf, first, daysBetween(first, asOf), first == null ? 0 : (int) ChronoUnit.MONTHS.between(first, asOf),
                daysBetween(o == null ? null : o.lastOrder(), asOf), orders12, rev12, prev12, growth(rev12, prev12),
                money(o == null ? null : o.rev6()), money(o == null ? null : o.revPrev6()),
                orders12 == 0 ? null : rev12.divide(BigDecimal.valueOf(orders12), 2, RoundingMode.HALF_UP),
                interOrderDays(o), i == null ? 0 : i.complaints90(), i == null ? 0 : i.openTickets(),
                daysBetween(i == null ? null : i.lastContact(), asOf), nps, i == null ? 0 : i.referrals12(),
                scores == null ? null : scores.rScore(), scores == null ? null : scores.fScore(),
                scores == null ? null : scores.mScore(), scores == null ? null : scores.paretoShare(), c.tier(),
                c.tierSince(), c.downgradePendingSince());
    }

    /** (last − prev) / prev × 100, unknown when there was nothing the year before. */
    private static BigDecimal growth(BigDecimal last, BigDecimal previous) {
        if (previous.signum() == 0) {
            return null;
        }
        return last.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous, 4, RoundingMode.HALF_UP);
    }

    /** The mean gap between consecutive orders of the last 730 days is (last − first) / (n − 1). */
    private static BigDecimal interOrderDays(OrderAggregate o) {
        if (o == null || o.orders24() < 2) {
            return null;
        }
        return BigDecimal.valueOf(ChronoUnit.DAYS.between(o.first24(), o.last24()))
                .divide(BigDecimal.valueOf(o.orders24() - 1L), 2, RoundingMode.HALF_UP);
    }

    private static Integer daysBetween(LocalDate from, LocalDate asOf) {
        return from == null ? null : (int) ChronoUnit.DAYS.between(from, asOf);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2, RoundingMode.HALF_UP);
    }
}
