package com.acme.tiering.run;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.acme.tiering.decision.DecisionRecorder;
import com.acme.tiering.decision.ShadowDifferences;
import com.acme.tiering.evaluation.Evaluation;
import com.acme.tiering.evaluation.Evaluator;
import com.acme.tiering.evaluation.TierOverride;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.facts.CustomerFactsService;
import com.acme.tiering.override.ManualOverrideStore;
import com.acme.tiering.ruleset.ShadowRuleset;

import io.micrometer.core.instrument.Timer;

/**
 * The work of one chunk of a run: facts, evaluation (and the shadow's), decisions and progress. It runs
 * inside the chunk's transaction, which Spring Batch commits together with the step's restart point, so a
 * chunk is either recorded and counted once or not at all.
 */
@Component
class RunExecution {

    private final RunStore runs;
    private final CustomerFactsService facts;
    private final Evaluator evaluator;
    private final DecisionRecorder recorder;
    private final Clock clock;
    private final ShadowRuleset shadow;
    private final ShadowDifferences differences;
    private final ManualOverrideStore overrides;
    private final RunMetrics metrics;
    private final Map<Long, StageTimes> stages = new java.util.concurrent.ConcurrentHashMap<>();

    RunExecution(RunStore runs, CustomerFactsService facts, Evaluator evaluator, DecisionRecorder recorder,
            Clock clock, ShadowRuleset shadow, ShadowDifferences differences, ManualOverrideStore overrides,
            RunMetrics metrics) {
        this.runs = runs;
        this.facts = facts;
        this.evaluator = evaluator;
        this.recorder = recorder;
        this.clock = clock;
        this.shadow = shadow;
        this.differences = differences;
        this.overrides = overrides;
        this.metrics = metrics;
    }

    /** Computes the population statistics of the run once; a restarted run keeps the ones it has. */
    void populationStatistics(long runId, LocalDate asOf) {
        if (facts.statisticsOf(runId).isEmpty()) {
            facts.computePopulationStatistics(runId, asOf);
        }
    }

    void evaluateChunk(long runId, LocalDate asOf, List<String> ids) {
        long start = System.nanoTime();
        List<CustomerFacts> chunkFacts = facts.factsForRun(runId, asOf, ids);
        // The shadow sees the same overrides, so its differences are the rules' differences alone.
        Map<String, TierOverride> inForce = overrides.inForce(ids, clock.instant());
        long factsDone = System.nanoTime();
        Timer timer = metrics.evaluation(RunMetrics.Trigger.RUN);
        List<Evaluation> evaluations = chunkFacts.stream()
                .map(f -> timer.record(() -> evaluator.evaluate(f, inForce.get(f.customerId())))).toList();
        var shadowed = shadow.current().map(s -> new Shadowed(s.versionId(), chunkFacts.stream()
                .map(f -> evaluator.evaluate(f, s.ruleset(), inForce.get(f.customerId()))).toList()));
        long rulesDone = System.nanoTime();
        DecisionRecorder.Recorded recorded = recorder.record(evaluations, runId, clock.instant());
        shadowed.ifPresent(s -> differences.record(s.versionId(), runId, evaluations, s.evaluations()));
        runs.advance(runId, recorded.decisions(), recorded.changed(), ids.get(ids.size() - 1), clock.instant());
        stages.computeIfAbsent(runId, id -> new StageTimes()).add(factsDone - start, rulesDone - factsDone,
                System.nanoTime() - rulesDone);
    }

    /**
     * Where this process spent a run's time so far: reading facts, running the rules (with explanations),
     * recording decisions; null when it has not executed chunks of the run. Logged when a run ends.
     */
    StageTimes stages(long runId) {
        return stages.remove(runId);
    }

    /** Nanoseconds per stage, summed over the chunks this process executed (a rolled-back chunk counts too). */
    static final class StageTimes {

        private final java.util.concurrent.atomic.AtomicLong facts = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong rules = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong record = new java.util.concurrent.atomic.AtomicLong();

        void add(long factsNanos, long rulesNanos, long recordNanos) {
            facts.addAndGet(factsNanos);
            rules.addAndGet(rulesNanos);
            record.addAndGet(recordNanos);
        }

        @Override
        public String toString() {
            double total = Math.max(1, facts.get() + rules.get() + record.get());
            return "facts %.1f s (%.0f%%), rules %.1f s (%.0f%%), recording %.1f s (%.0f%%)".formatted(
                    facts.get() / 1e9, 100 * facts.get() / total, rules.get() / 1e9, 100 * rules.get() / total,
                    record.get() / 1e9, 100 * record.get() / total);
        }
    }

    /** The shadow ruleset's evaluations of a chunk, recorded only where they differ. */
    private record Shadowed(long versionId, List<Evaluation> evaluations) {
    }
}
