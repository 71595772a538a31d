package com.acme.tiering.facts;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.acme.tiering.facts.PopulationStatistics.CurvePoint;

import tools.jackson.databind.json.JsonMapper;

/**
 * Computes the population statistics of a run with one set-based INSERT … SELECT using window
 * functions, exactly as PRODUCT.md §5 defines them, and keeps a compact summary for single evaluations.
 */
@Repository
class PopulationStatisticsStore {

    private static final int CURVE_POINTS = 1000;

    // Quintile score = floor((p - 1) * 5 / n) + 1 over the customers with orders, sorted worst to best,
    // ties by customer id; the Pareto share runs over all customers, revenue descending. The running sum
    // has a query level of its own: MariaDB 10.11 computed it in the order of the monetary window
    // (ascending) when both stood in one SELECT.
    private static final String SCORE_SQL = """
            INSERT INTO population_score (run_id, customer_id, last_order_date, orders_last12m, revenue_last12m,
                r_score, f_score, m_score, pareto_share)
            SELECT :run, w.customer_id, w.last_order, w.orders12, w.rev12,
                CASE WHEN w.buyer = 1 THEN FLOOR((w.r_position - 1) * 5 / w.buyers) + 1 END,
                CASE WHEN w.buyer = 1 THEN FLOOR((w.f_position - 1) * 5 / w.buyers) + 1 END,
                CASE WHEN w.buyer = 1 THEN FLOOR((w.m_position - 1) * 5 / w.buyers) + 1 END,
                CASE WHEN w.rev12 = 0 OR w.total = 0 THEN 1 ELSE CAST(w.cumulative AS DECIMAL(38,14)) / w.total END
            FROM (
                SELECT p.customer_id, p.buyer, p.last_order, p.orders12, p.rev12, p.cumulative, p.total,
                    ROW_NUMBER() OVER (PARTITION BY p.buyer ORDER BY p.last_order, p.customer_id) AS r_position,
                    ROW_NUMBER() OVER (PARTITION BY p.buyer ORDER BY p.orders12, p.customer_id) AS f_position,
                    ROW_NUMBER() OVER (PARTITION BY p.buyer ORDER BY p.rev12, p.customer_id) AS m_position,
                    COUNT(*) OVER (PARTITION BY p.buyer) AS buyers
                FROM (
                    SELECT m.customer_id, m.buyer, m.last_order, m.orders12, m.rev12,
                        SUM(m.rev12) OVER (ORDER BY m.rev12 DESC, m.customer_id
                            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative,
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

    PopulationStatisticsStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    PopulationStatistics compute(long runId, LocalDate asOf, Instant now) {
        jdbc.sql("DELETE FROM population_score WHERE run_id = ?").param(runId).update();
        jdbc.sql(SCORE_SQL).paramSource(new Windows(asOf).params().addValue("run", runId)).update();
        PopulationStatistics stats = summarise(runId, asOf);
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
    Optional<PopulationStatistics> inForceAt(java.time.Instant instant) {
        return jdbc.sql("SELECT stats_json FROM population_statistics WHERE created_at <= ? ORDER BY run_id DESC LIMIT 1")
                .param(Timestamp.from(instant)).query(String.class).optional()
                .map(text -> json.readValue(text, PopulationStatistics.class));
    }

    Optional<PopulationStatistics> latest() {
        return jdbc.sql("SELECT stats_json FROM population_statistics ORDER BY run_id DESC LIMIT 1")
                .query(String.class).optional().map(text -> json.readValue(text, PopulationStatistics.class));
    }

    private PopulationStatistics summarise(long runId, LocalDate asOf) {
        Map<Integer, Integer> recency = new TreeMap<>();
        cutoffs(runId, "r_score", "MIN(last_order_date)", LocalDate.class).forEach((score, oldest) ->
                recency.put(score, (int) java.time.temporal.ChronoUnit.DAYS.between(oldest, asOf)));
        Map<Integer, Integer> frequency = cutoffs(runId, "f_score", "MIN(orders_last12m)", Integer.class);
        Map<Integer, BigDecimal> monetary = cutoffs(runId, "m_score", "MIN(revenue_last12m)", BigDecimal.class);
        int customers = jdbc.sql("SELECT COUNT(*) FROM population_score WHERE run_id = ?").param(runId)
                .query(Integer.class).single();
        int population = jdbc.sql("SELECT COUNT(*) FROM population_score WHERE run_id = ? AND r_score IS NOT NULL")
                .param(runId).query(Integer.class).single();
        BigDecimal total = jdbc.sql("SELECT COALESCE(SUM(revenue_last12m), 0) FROM population_score WHERE run_id = ?")
                .param(runId).query(BigDecimal.class).single();
        return new PopulationStatistics(runId, asOf, population, customers, total, scores2to5(recency),
                scores2to5(frequency), scores2to5(monetary), curve(runId, customers));
    }

    private <T> Map<Integer, T> cutoffs(long runId, String score, String aggregate, Class<T> type) {
        Map<Integer, T> cutoffs = new TreeMap<>();
        jdbc.sql("SELECT " + score + ", " + aggregate + " FROM population_score WHERE run_id = ? AND " + score
                + " IS NOT NULL GROUP BY " + score).param(runId)
                .query((rs, i) -> cutoffs.put(rs.getInt(1), rs.getObject(2, type))).list();
        return cutoffs;
    }

    private static <T> List<T> scores2to5(Map<Integer, T> cutoffs) {
        if (cutoffs.isEmpty()) {
            return List.of();
        }
        List<T> list = new ArrayList<>();
        for (int score = 2; score <= 5; score++) {
            list.add(cutoffs.get(score));
        }
        return list;
    }

    /** Every n-th point of the curve, streamed so a million customers cost no memory. */
    private List<CurvePoint> curve(long runId, int customers) {
        int step = Math.max(1, customers / CURVE_POINTS);
        List<CurvePoint> points = new ArrayList<>();
        int[] position = {0};
        jdbc.sql("""
                SELECT revenue_last12m, pareto_share FROM population_score
                WHERE run_id = ? AND revenue_last12m > 0 ORDER BY revenue_last12m DESC, customer_id
                """).param(runId).query((RowCallbackHandler) rs -> {
                    if (position[0]++ % step == 0) {
                        points.add(new CurvePoint(rs.getBigDecimal(1), rs.getBigDecimal(2)));
                    }
                });
        return points;
    }
}
