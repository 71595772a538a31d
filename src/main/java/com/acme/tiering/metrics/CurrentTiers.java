package com.acme.tiering.metrics;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.RulesetActivated;
import com.acme.tiering.ruleset.TierCatalog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code tiering.decisions.current}: how many customers each tier holds now. The counts come from the
 * decision summary (one grouped scan of its index), read when a scrape finds them older than
 * {@code tiering.metrics.tier-counts-refresh}, never once per scrape or per tier. One gauge per tier of the
 * catalog in force, tagged with its code and name (label values may be any UTF-8, so 战略 is one); a version
 * with other tiers replaces the gauges.
 */
@Component
class CurrentTiers {

    private static final Logger log = LoggerFactory.getLogger(CurrentTiers.class);

    private final DecisionQueries decisions;
    private final MeterRegistry registry;
    private final long refreshNanos;
    private final ActiveRuleset active;
    private TierCatalog tiers;
    private List<Meter> gauges = List.of();
    private Map<String, Long> counts = Map.of();
    private long readAt;
    private boolean read;

    CurrentTiers(MeterRegistry registry, DecisionQueries decisions, MetricsProperties properties,
            ActiveRuleset active) {
        this.decisions = decisions;
        this.registry = registry;
        this.refreshNanos = properties.tierCountsRefresh().toNanos();
        this.active = active;
        activated(active.current());
    }

    /** The version put in force may bring other tiers or names; a failure here must not hide the activation. */
    @EventListener
    void onActivated(RulesetActivated event) {
        try {
            activated(active.current());
        }
        catch (RuntimeException failure) {
            log.warn("Tier gauges were not renewed for version {}", event.contentHash(), failure);
        }
    }

    /** A version with the same tiers keeps the gauges; other tiers or names replace them. */
    private synchronized void activated(CompiledRuleset ruleset) {
        if (ruleset.tiers().equals(tiers)) {
            return;
        }
        List<Meter> replaced = gauges;
        replaced.forEach(registry::remove);
        tiers = ruleset.tiers();
        gauges = tiers.byRank().stream().map(tier -> (Meter) Gauge.builder("tiering.decisions.current", this,
                current -> current.count(tier.code())).description("Customers whose current decision gives the tier")
                .tag("tier", tier.code()).tag("tier_name", tier.name()).register(registry)).toList();
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
