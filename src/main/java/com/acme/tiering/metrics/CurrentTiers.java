package com.acme.tiering.metrics;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.facts.Tiers;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code tiering.decisions.current}: how many customers each tier holds now. The counts come from the
 * decision summary (one grouped scan of its index), read when a scrape finds them older than
 * {@code tiering.metrics.tier-counts-refresh}, never once per scrape or per tier.
 */
@Component
class CurrentTiers {

    private static final Logger log = LoggerFactory.getLogger(CurrentTiers.class);

    private final DecisionQueries decisions;
    private final long refreshNanos;
    private Map<String, Long> counts = Map.of();
    private long readAt;
    private boolean read;

    CurrentTiers(MeterRegistry registry, DecisionQueries decisions, MetricsProperties properties) {
        this.decisions = decisions;
        this.refreshNanos = properties.tierCountsRefresh().toNanos();
        for (String tier : Tiers.CODES) {
            Gauge.builder("tiering.decisions.current", this, current -> current.count(tier))
                    .description("Customers whose current decision gives the tier").tag("tier", tier)
                    .register(registry);
        }
    }

    private synchronized double count(String tier) {
        if (!read || System.nanoTime() - readAt >= refreshNanos) {
            refresh();
        }
        return counts.getOrDefault(tier, 0L);
    }

    /** A database that does not answer leaves the last counts in place rather than failing the scrape. */
    private void refresh() {
        try {
            counts = decisions.summary().byTier();
        }
        catch (DataAccessException unavailable) {
            log.warn("Counts of current decisions per tier not refreshed: {}", unavailable.toString());
        }
        readAt = System.nanoTime();
        read = true;
    }
}
