package com.acme.tiering.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.acme.tiering.decision.AlertOpened;
import com.acme.tiering.decision.Decision;
import com.acme.tiering.decision.DecisionsRecorded;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what recording decisions did, once its transaction has committed: {@code tiering.decisions} by tier,
 * {@code tiering.churn.alerts.opened} by trigger and risk, and (through {@link RuleFirings}) the rules that fired.
 * Counters are looked up once per tag value and kept; tiers and triggers are few, named by the rules.
 */
@Component
class RecordedDecisionMetrics {

    private final MeterRegistry registry;
    private final RuleFirings firings;
    private final Map<String, Counter> decisionsByTier = new ConcurrentHashMap<>();
    private final Map<String, Counter> alertsByTriggerAndRisk = new ConcurrentHashMap<>();

    RecordedDecisionMetrics(MeterRegistry registry, RuleFirings firings) {
        this.registry = registry;
        this.firings = firings;
    }

    @TransactionalEventListener
    void recorded(DecisionsRecorded recorded) {
        for (Decision decision : recorded.decisions()) {
            decisionsByTier.computeIfAbsent(String.valueOf(decision.tier()), this::decisionCounter).increment();
        }
        for (AlertOpened alert : recorded.alertsOpened()) {
            alertsByTriggerAndRisk.computeIfAbsent(alert.triggerId() + '|' + alert.risk(),
                    key -> alertCounter(alert.triggerId(), alert.risk())).increment();
        }
        firings.count(recorded.decisions());
    }

    private Counter decisionCounter(String tier) {
        return Counter.builder("tiering.decisions").description("Decisions recorded, by the tier they gave")
                .tag("tier", tier).register(registry);
    }

    private Counter alertCounter(String trigger, String risk) {
        return Counter.builder("tiering.churn.alerts.opened").description("Churn alerts opened, by trigger and risk")
                .tag("trigger", trigger).tag("risk", String.valueOf(risk)).register(registry);
    }
}
