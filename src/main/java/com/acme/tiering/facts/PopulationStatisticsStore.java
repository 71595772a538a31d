package com.acme.tiering.facts;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Computes where every customer stands in a run's population with one set-based INSERT … SELECT using window
 * functions, exactly as PRODUCT.md §5 defines it, and keeps the run's statistics for explanations.
 */
@Repository
class PopulationStatisticsStore {

    // Per customer: the buyers strictly worse on each RFM metric (RANK − 1 over the customers with orders, worst
    // first: equal values share a rank, so they share a score, whatever their ids), and the revenue of all
    // customers with strictly higher revenue (the total less the revenue at or below the customer's, peers
    // included by the RANGE frame). The scores and the share follow in Java (PopulationFormulas), the same
    // formulas single evaluations use. The running sum has a query level of its own: MariaDB 10.11 computed a
    // running sum in the order of another window when both stood in one SELECT.
    private static final String STANDING_SQL = """
            INSERT INTO population_score (run_id, customer_id, last_order_date, orders_last12m, revenue_last12m,
                r_worse, f_worse, m_worse, revenue_above)
            SELECT :run, w.customer_id, w.last_order, w.orders12, w.rev12,
                CASE WHEN w.buyer = 1 THEN w.r_rank - 1 END,
                CASE WHEN w.buyer = 1 THEN w.f_rank - 1 END,
                CASE WHEN w.buyer = 1 THEN w.m_rank - 1 END,
                w.total - w.at_or_below
            FROM (
                SELECT p.customer_id, p.buyer, p.last_order, p.orders12, p.rev12, p.at_or_below, p.total,
                    RANK() OVER (PARTITION BY p.buyer ORDER BY p.last_order) AS r_rank,
                    RANK() OVER (PARTITION BY p.buyer ORDER BY p.orders12) AS f_rank,
                    RANK() OVER (PARTITION BY p.buyer ORDER BY p.rev12) AS m_rank
                FROM (
                    SELECT m.customer_id, m.buyer, m.last_order, m.orders12, m.rev12,
                        SUM(m.rev12) OVER (ORDER BY m.rev12 RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
                            AS at_or_below,
                        SUM(m.rev12) OVER () AS total
                    FROM (
                        SELECT c.customer_id,
                            CASE WHEN MAX(o.order_date) IS NULL THEN 0 ELSE 1 END AS buyer,
                            MAX(o.order_date) AS last_order,
                            COALESCE(SUM(CASE WHEN o.order_date > :d365 THEN 1 ELSE 0 END), 0) AS orders12,
                            COALESCE(SUM(CASE WHEN o.order_date > :d365 THEN o.amount ELSE 0 END), 0) AS rev12
                        FROM customer c
                        LEFT JOIN customer_order o ON o.customer_id = c.customer_id AND o.order_date <= :asOf
                        GROUP BY c.customer_id
                    ) m
                ) p
            ) w
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PopulationDistributions distributions;

    PopulationStatisticsStore(JdbcClient jdbc, JsonMapper json, PopulationDistributions distributions) {
        this.jdbc = jdbc;
        this.json = json;
        this.distributions = distributions;
    }

    PopulationStatistics compute(long runId, LocalDate asOf, Instant now) {
        jdbc.sql("DELETE FROM population_score WHERE run_id = ?").param(runId).update();
        jdbc.sql(STANDING_SQL).paramSource(new Windows(asOf).params().addValue("run", runId)).update();
        int customers = jdbc.sql("SELECT COUNT(*) FROM population_score WHERE run_id = ?").param(runId)
                .query(Integer.class).single();
        BigDecimal total = jdbc.sql("SELECT COALESCE(SUM(revenue_last12m), 0) FROM population_score WHERE run_id = ?")
                .param(runId).query(BigDecimal.class).single();
        PopulationStatistics stats = summarise(runId, asOf, customers, total, distributions.load(runId, total));
        jdbc.sql("""
                INSERT INTO population_statistics (run_id, as_of, population, total_revenue, stats_json, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(runId, asOf, stats.population(), stats.totalRevenue(), json.writeValueAsString(stats),
                Timestamp.from(now)).update();
        return stats;
    }

    Optional<PopulationStatistics> find(long runId) {
        return jdbc.sql("SELECT stats_json FROM population_statistics WHERE run_id = ?").param(runId)
                .query(String.class).optional().map(text -> json.readValue(text, PopulationStatistics.class));
    }

    /** The statistics a single evaluation at that instant was scored with: the latest stored by then. */
    Optional<PopulationStatistics> inForceAt(Instant instant) {
        return jdbc.sql("SELECT stats_json FROM population_statistics WHERE created_at <= ? ORDER BY run_id DESC LIMIT 1")
                .param(Timestamp.from(instant)).query(String.class).optional()
                .map(text -> json.readValue(text, PopulationStatistics.class));
    }

    Optional<PopulationStatistics> latest() {
        return jdbc.sql("SELECT stats_json FROM population_statistics ORDER BY run_id DESC LIMIT 1")
                .query(String.class).optional().map(text -> json.readValue(text, PopulationStatistics.class));
    }

    private static PopulationStatistics summarise(long runId, LocalDate asOf, int customers, BigDecimal total,
            PopulationDistribution distribution) {
        long buyers = distribution.buyers();
        return new PopulationStatistics(runId, asOf, (int) buyers, customers, total,
                cutoffs(distribution.lastOrders(), buyers,
                        day -> (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.ofEpochDay(day), asOf)),
                cutoffs(distribution.orders(), buyers, orders -> (int) orders),
                cutoffs(distribution.revenues(), buyers, cents -> BigDecimal.valueOf(cents, 2)));
    }

    /**
     * For scores 2..5, the smallest value that earns the score (for recency, the oldest date, shown as the
     * largest recencyDays); null for a score no value earns, which a large block of equal values can cause.
     */
    private static <T> List<T> cutoffs(ValueLadder ladder, long buyers, LongFunction<T> shown) {
        if (buyers == 0) {
            return List.of();
        }
        Long[] smallest = new Long[6];
        ladder.forEach((value, below, holders) -> {
            int score = PopulationFormulas.rfmScore(below, buyers);
            if (smallest[score] == null) {
                smallest[score] = value;
            }
        });
        List<T> cutoffs = new ArrayList<>(4);
        Arrays.stream(smallest, 2, 6).forEach(value -> cutoffs.add(value == null ? null : shown.apply(value)));
        return cutoffs;
    }
}
