package com.acme.tiering.run;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.acme.tiering.decision.DecisionsRecorded;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Metrics of evaluations and runs (docs/metrics.md): {@code tiering.evaluation} per customer evaluated, by what
 * triggered it; {@code tiering.run.duration} per run that ended, by status; {@code tiering.run.customers}
 * evaluated by runs, counted per committed chunk. Meters are made once and kept.
 */
@Component
class RunMetrics {

    /** Why a customer was evaluated: a run, a change (orders, interactions, details, overrides), or a request. */
    enum Trigger {
        RUN, EVENT, REQUEST
    }

    private final MeterRegistry registry;
    private final Map<Trigger, Timer> evaluations = new EnumMap<>(Trigger.class);
    private final Map<String, Timer> runDurations = new ConcurrentHashMap<>();
    private final Counter runCustomers;

    RunMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Trigger trigger : Trigger.values()) {
            // Evaluations take tens of microseconds: the histogram's buckets start there, not at Micrometer's 1 ms.
            evaluations.put(trigger, Timer.builder("tiering.evaluation")
                    .description("Running the rules for one customer, explanation included")
                    .tag("trigger", trigger.name().toLowerCase(Locale.ROOT)).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(10_000)).maximumExpectedValue(Duration.ofSeconds(1))
                    .register(registry));
        }
        this.runCustomers = Counter.builder("tiering.run.customers")
                .description("Customers evaluated and recorded by evaluation runs").register(registry);
    }

    Timer evaluation(Trigger trigger) {
        return evaluations.get(trigger);
    }

    /** A run ended: COMPLETED or FAILED, after this long from its start (interruptions and resumption included). */
    void runEnded(RunStatus status, Duration took) {
        runDurations.computeIfAbsent(status.name(), s -> Timer.builder("tiering.run.duration")
                .description("Evaluation runs from start to end").tag("status", s).register(registry)).record(took);
    }

    @TransactionalEventListener
    void recorded(DecisionsRecorded recorded) {
        if (recorded.runId() != null) {
            runCustomers.increment(recorded.decisions().size());
        }
    }
}
