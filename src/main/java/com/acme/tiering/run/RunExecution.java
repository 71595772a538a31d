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
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.facts.CustomerFactsService;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.ShadowRuleset;

/**
 * The work of one chunk of a run: facts, decisions by the path every evaluation takes (DecisionPath), the
 * shadow's evaluations, recording, progress and the ruleset version used. It runs inside the chunk's
 * transaction, which Spring Batch commits together with the step's restart point, so a chunk is either recorded
 * and counted once or not at all.
 */
@Component
class RunExecution {

    private final RunStore runs;
    private final CustomerFactsService facts;
    private final Evaluator evaluator;
    private final DecisionPath path;
    private final DecisionRecorder recorder;
    private final ActiveRuleset active;
    private final Clock clock;
    private final ShadowRuleset shadow;
    private final ShadowDifferences differences;
    private final RunMetrics metrics;
    private final Map<Long, StageTimes> stages = new java.util.concurrent.ConcurrentHashMap<>();

    RunExecution(RunStore runs, CustomerFactsService facts, Evaluator evaluator, DecisionPath path,
            DecisionRecorder recorder, ActiveRuleset active, Clock clock, ShadowRuleset shadow,
            ShadowDifferences differences, RunMetrics metrics) {
        this.runs = runs;
        this.facts = facts;
        this.evaluator = evaluator;
        this.path = path;
        this.recorder = recorder;
        this.active = active;
        this.clock = clock;
        this.shadow = shadow;
        this.differences = differences;
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
        long factsDone = System.nanoTime();
        // One ruleset for the whole chunk: a version put in force meanwhile serves the next chunk.
        CompiledRuleset ruleset = active.current();
        List<DecisionPath.Decided> decided = path.decide(chunkFacts, ruleset, path.rollbackInForce(ruleset),
                clock.instant(), metrics.evaluation(RunMetrics.Trigger.RUN));
        List<Evaluation> evaluations = DecisionPath.evaluations(decided);
        // The shadow sees the same overrides, so its differences are the rules' differences alone.
        var shadowed = shadow.current().map(s -> new Shadowed(s.versionId(), evaluations.stream()
                .map(e -> evaluator.evaluate(e.facts(), s.ruleset(), e.manualOverride())).toList()));
        long rulesDone = System.nanoTime();
        DecisionRecorder.Recorded recorded = recorder.record(evaluations, DecisionPath.restorations(decided),
                DecisionPath.replacedTiers(decided), runId, clock.instant());
        shadowed.ifPresent(s -> differences.record(s.versionId(), runId, evaluations, s.evaluations()));
        runs.advance(runId, recorded.decisions(), recorded.changed(), ids.get(ids.size() - 1), clock.instant());
        runs.used(runId, ruleset.version(), recorded.decisions(), clock.instant());
        stages.computeIfAbsent(runId, id -> new StageTimes()).add(factsDone - start, rulesDone - factsDone,
                System.nanoTime() - rulesDone);
    }

    /**
     * Decides again, with the version in force, customers this run decided with a version that is no longer in
     * force; returns how many it decided. Progress and the restart point stay as they are: these customers were
     * counted when the run first decided them.
     */
    int decideAgain(long runId, LocalDate asOf, List<String> ids) {
        List<CustomerFacts> chunkFacts = facts.factsForRun(runId, asOf, ids);
        CompiledRuleset ruleset = active.current();
        List<DecisionPath.Decided> decided = path.decide(chunkFacts, ruleset, path.rollbackInForce(ruleset),
                clock.instant(), metrics.evaluation(RunMetrics.Trigger.RUN));
        DecisionRecorder.Recorded recorded = recorder.record(DecisionPath.evaluations(decided),
                DecisionPath.restorations(decided), DecisionPath.replacedTiers(decided), runId, clock.instant());
        runs.decidedAgain(runId, recorded.decisions(), recorded.changed());
        runs.used(runId, ruleset.version(), recorded.decisions(), clock.instant());
        return recorded.decisions();
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
