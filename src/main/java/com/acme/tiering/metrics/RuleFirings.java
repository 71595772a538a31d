package com.acme.tiering.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.acme.tiering.decision.Decision;
import com.acme.tiering.evaluation.Explanation.FiredRule;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.RuleInfo;
import com.acme.tiering.ruleset.RulesetActivated;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code tiering.rule.firings}: how often each rule of the version in force fired in recorded decisions. Every
 * rule of the version is registered at 0 when it is put in force, so the rows that never fire show as 0; the
 * meters of the version it replaced are removed, so the series stay as many as the rules in force.
 */
@Component
class RuleFirings {

    static final String NAME = "tiering.rule.firings";

    private static final Logger log = LoggerFactory.getLogger(RuleFirings.class);

    private final MeterRegistry registry;
    private final ActiveRuleset active;
    private volatile VersionCounters counters = new VersionCounters("", Map.of());

    RuleFirings(MeterRegistry registry, ActiveRuleset active) {
        this.registry = registry;
        this.active = active;
        activated(active.current());
    }

    /**
     * Registers the rules of the version in force now (the newest, should activations overtake each other) before
     * any other listener, such as the run that follows an activation, records decisions with them. A failure here
     * must not undo or hide an activation that has happened.
     */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onActivated(RulesetActivated event) {
        try {
            activated(active.current());
        }
        catch (RuntimeException failure) {
            log.warn("Rule firing meters were not renewed for version {}", event.contentHash(), failure);
        }
    }

    /** One version's counters by rule; a fired rule is found by the name and source its explanation gives. */
    private record VersionCounters(String version, Map<RuleKey, Counter> byRule) {
    }

    private record RuleKey(String rule, String source) {
    }

    /** Counts the rules that fired in the decisions; decisions made by a version no longer in force are left out. */
    void count(List<Decision> decisions) {
        VersionCounters inForce = counters;
        for (Decision decision : decisions) {
            if (decision.explanation() == null || !inForce.version().equals(decision.rulesetVersion())) {
                continue;
            }
            for (FiredRule fired : decision.explanation().firedRules()) {
                Counter counter = inForce.byRule().get(new RuleKey(fired.rule(), fired.source()));
                if (counter != null) {
                    counter.increment();
                }
            }
        }
    }

    private synchronized void activated(CompiledRuleset ruleset) {
        VersionCounters replaced = counters;
        if (replaced.version().equals(ruleset.version())) {
            return;
        }
        Map<RuleKey, Counter> byRule = new HashMap<>();
        for (RuleInfo rule : ruleset.catalog().values()) {
            byRule.put(new RuleKey(rule.name(), rule.source()), Counter.builder(NAME)
                    .description("Firings of each rule of the ruleset version in force, in recorded decisions")
                    .tag("rule", rule.name()).tag("source", rule.source()).tag("file", rule.file())
                    .tag("version", ruleset.shortVersion()).register(registry));
        }
        counters = new VersionCounters(ruleset.version(), Map.copyOf(byRule));
        replaced.byRule().values().forEach(registry::remove);
    }
}
