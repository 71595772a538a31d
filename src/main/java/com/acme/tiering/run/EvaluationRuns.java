package com.acme.tiering.run;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import com.acme.tiering.demo.DemoDataLoaded;
import com.acme.tiering.facts.CustomerFactsService;
import com.acme.tiering.ruleset.ActiveRuleset;

/**
 * Full evaluation runs: every customer, as of one date fixed at the start, in chunks that each commit
 * their decisions together with the run's resume point. One run at a time; an interrupted run resumes
 * where it stopped when the service starts again.
 */
@Service
public class EvaluationRuns implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EvaluationRuns.class);

    private final RunStore runs;
    private final RunExecution execution;
    private final CustomerFactsService facts;
    private final ActiveRuleset ruleset;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "evaluation-run"));
    private final Set<Long> submitted = ConcurrentHashMap.newKeySet();

    EvaluationRuns(RunStore runs, RunExecution execution, CustomerFactsService facts, ActiveRuleset ruleset,
            Clock clock) {
        this.runs = runs;
        this.execution = execution;
        this.facts = facts;
        this.ruleset = ruleset;
        this.clock = clock;
    }

    /** Starts a run in the background and returns it at once; refuses while another run is going. */
    public synchronized EvaluationRun start(String trigger) {
        runs.running().stream().findFirst().ifPresent(running -> {
            throw RunAlreadyInProgress.withId(running.run().id());
        });
        LocalDate asOf = LocalDate.now(clock);
        long id = runs.create(asOf, trigger, ruleset.current().version(), (int) facts.countCustomers(),
                clock.instant());
        log.info("Evaluation run {} started ({}), as of {}", id, trigger, asOf);
        submit(id);
        return find(id);
    }

    public EvaluationRun find(long runId) {
        return runs.find(runId).map(RunStore.StoredRun::run).orElseThrow(() -> RunNotFound.withId(runId));
    }

    public List<EvaluationRun> latest(int limit) {
        return runs.latest(limit).stream().map(RunStore.StoredRun::run).toList();
    }

    @EventListener
    void onDemoDataLoaded(DemoDataLoaded event) {
        start("DEMO");
    }

    /** A run that was going when the service stopped continues from its last committed chunk. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterruptedRuns() {
        for (RunStore.StoredRun interrupted : runs.running()) {
            if (!submitted.contains(interrupted.run().id())) {
                log.info("Resuming evaluation run {} after customer {}", interrupted.run().id(),
                        interrupted.lastCustomerId());
                submit(interrupted.run().id());
            }
        }
    }

    /** Runs started by this process are not "interrupted", even when start-up listeners race. */
    private void submit(long runId) {
        if (submitted.add(runId)) {
            worker.submit(() -> execution.execute(runId));
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
