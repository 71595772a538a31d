package com.acme.tiering.run;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.acme.tiering.TieringProperties;
import com.acme.tiering.decision.DecisionRecorder;
import com.acme.tiering.decision.ShadowDifferences;
import com.acme.tiering.ruleset.ShadowRuleset;
import com.acme.tiering.evaluation.Evaluation;
import com.acme.tiering.evaluation.Evaluator;
import com.acme.tiering.evaluation.TierOverride;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.facts.CustomerFactsService;
import com.acme.tiering.override.ManualOverrideStore;

/** The work of one run: population statistics once, then chunk after chunk of customers. */
@Component
class RunExecution {

    private static final Logger log = LoggerFactory.getLogger(RunExecution.class);

    private final RunStore runs;
    private final CustomerFactsService facts;
    private final Evaluator evaluator;
    private final DecisionRecorder recorder;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int chunkSize;
    private final ShadowRuleset shadow;
    private final ShadowDifferences differences;
    private final ManualOverrideStore overrides;

    RunExecution(RunStore runs, CustomerFactsService facts, Evaluator evaluator, DecisionRecorder recorder,
            TransactionTemplate transaction, Clock clock, TieringProperties properties, ShadowRuleset shadow,
            ShadowDifferences differences, ManualOverrideStore overrides) {
        this.overrides = overrides;
        this.shadow = shadow;
        this.differences = differences;
        this.runs = runs;
        this.facts = facts;
        this.evaluator = evaluator;
        this.recorder = recorder;
        this.transaction = transaction;
        this.clock = clock;
        this.chunkSize = properties.run().chunkSize();
    }

    void execute(long runId) {
        try {
            RunStore.StoredRun stored = runs.find(runId).orElseThrow();
            EvaluationRun run = stored.run();
            if (facts.statisticsOf(runId).isEmpty()) {
                facts.computePopulationStatistics(runId, run.asOf());
            }
            String last = stored.lastCustomerId();
            List<String> ids;
            while (!(ids = facts.customerIdsAfter(last, chunkSize)).isEmpty()) {
                evaluateChunk(run, ids);
                last = ids.get(ids.size() - 1);
            }
            runs.finish(runId, "COMPLETED", null, clock.instant());
            EvaluationRun done = runs.find(runId).orElseThrow().run();
            log.info("Evaluation run {} completed: {} customers, {} changed, {}/s", runId, done.processed(),
                    done.changed(), done.progress().ratePerSecond());
        }
        catch (RuntimeException failure) {
            log.error("Evaluation run {} failed", runId, failure);
            runs.finish(runId, "FAILED", String.valueOf(failure.getMessage()), clock.instant());
        }
    }

    private void evaluateChunk(EvaluationRun run, List<String> ids) {
        List<CustomerFacts> chunkFacts = facts.factsForRun(run.id(), run.asOf(), ids);
        // The shadow sees the same overrides, so its differences are the rules' differences alone.
        Map<String, TierOverride> inForce = overrides.inForce(ids, clock.instant());
        List<Evaluation> evaluations = chunkFacts.stream()
                .map(f -> evaluator.evaluate(f, inForce.get(f.customerId()))).toList();
        var shadowed = shadow.current().map(s -> new Shadowed(s.versionId(), chunkFacts.stream()
                .map(f -> evaluator.evaluate(f, s.ruleset(), inForce.get(f.customerId()))).toList()));
        transaction.executeWithoutResult(status -> {
            DecisionRecorder.Recorded recorded = recorder.record(evaluations, run.id(), clock.instant());
            shadowed.ifPresent(s -> differences.record(s.versionId(), run.id(), evaluations, s.evaluations()));
            runs.advance(run.id(), recorded.decisions(), recorded.changed(), ids.get(ids.size() - 1));
        });
    }

    /** The shadow ruleset's evaluations of a chunk, recorded only where they differ. */
    private record Shadowed(long versionId, List<Evaluation> evaluations) {
    }
}
