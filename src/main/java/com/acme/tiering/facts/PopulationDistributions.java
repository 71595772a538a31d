package com.acme.tiering.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds a run's {@link PopulationDistribution} from its stored entries with three grouped queries, and keeps the
 * one of the latest run asked for: single evaluations between runs all use the latest run, so one is enough, and
 * a new run's replaces it.
 */
@Component
class PopulationDistributions {

    private final JdbcClient jdbc;
    private volatile PopulationDistribution cached;

    PopulationDistributions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PopulationDistribution of(PopulationStatistics statistics) {
        PopulationDistribution distribution = cached;
        if (matches(distribution, statistics)) {
            return distribution;
        }
        synchronized (this) {
            if (!matches(cached, statistics)) {
                cached = load(statistics.runId(), statistics.totalRevenue());
            }
            return cached;
        }
    }

    /** Reads the distribution of a run afresh, and keeps it. */
    PopulationDistribution load(long runId, BigDecimal totalRevenue) {
        ValueLadder lastOrders = ladder(runId, "last_order_date", rs -> rs.getObject(1, LocalDate.class).toEpochDay());
        ValueLadder orders = ladder(runId, "orders_last12m", rs -> rs.getLong(1));
        ValueLadder revenues = ladder(runId, "revenue_last12m", rs -> PopulationDistribution.cents(rs.getBigDecimal(1)));
        PopulationDistribution distribution = new PopulationDistribution(runId, orders.count(), totalRevenue,
                lastOrders, orders, revenues);
        cached = distribution;
        return distribution;
    }

    /** The same run, and the same population: a test database that reuses a run id must not hit a stale copy. */
    private static boolean matches(PopulationDistribution distribution, PopulationStatistics statistics) {
        return distribution != null && distribution.runId() == statistics.runId()
                && distribution.buyers() == statistics.population()
                && distribution.totalRevenue().compareTo(statistics.totalRevenue()) == 0;
    }

    private interface Column {
        long read(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    private ValueLadder ladder(long runId, String column, Column value) {
        ValueLadder.Builder ladder = ValueLadder.builder();
        jdbc.sql("SELECT " + column + ", COUNT(*) FROM population_score WHERE run_id = ? AND last_order_date IS NOT NULL"
                + " GROUP BY " + column + " ORDER BY " + column).param(runId)
                .query((RowCallbackHandler) rs -> ladder.add(value.read(rs), rs.getLong(2)));
        return ladder.build();
    }
}
