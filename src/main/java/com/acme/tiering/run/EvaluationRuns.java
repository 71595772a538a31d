package com.acme.tiering.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.acme.tiering.TieringProperties;
import com.acme.tiering.audit.AuditLog;
import com.acme.tiering.facts.CustomerFactsService;
import com.acme.tiering.ruleset.ActiveRuleset;

/**
 * Full evaluation runs: every customer, as of one date fixed at the start, as a Spring Batch job whose
 * chunks each commit their decisions with the job's restart point. One run at a time across all instances
 * (a unique key on the going run). A run whose process died or lost its database is resumed, by any
 * instance, once its heartbeat is older than {@code tiering.run.stale-after}: Spring Batch restarts the job
 * from its last committed chunk, so no decision is lost or made twice.
 */
@Service
public class EvaluationRuns implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EvaluationRuns.class);

    private final RunStore runs;
    private final JobOperator jobs;
    private final JobRepository repository;
    private final Job job;
    private final CustomerFactsService facts;
    private final ActiveRuleset ruleset;
    private final DecideAgain decideAgain;
    private final Clock clock;
    private final Duration staleAfter;
    private final boolean runAfterActivation;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "evaluation-run"));
    /** Runs this process is executing (or about to): its heartbeat keeps them from being taken over. */
    private final Set<Long> executing = ConcurrentHashMap.newKeySet();

    EvaluationRuns(RunStore runs, JobOperator jobs, JobRepository repository, Job evaluationRunJob,
            CustomerFactsService facts, ActiveRuleset ruleset, DecideAgain decideAgain, Clock clock,
            TieringProperties properties, TransactionTemplate transactions, AuditLog audit) {
        this.decideAgain = decideAgain;
        this.runs = runs;
        this.transactions = transactions;
        this.audit = audit;
        this.jobs = jobs;
        this.repository = repository;
        this.job = evaluationRunJob;
        this.facts = facts;
        this.ruleset = ruleset;
        this.clock = clock;
        this.staleAfter = properties.run().staleAfter();
        this.runAfterActivation = properties.rules().runAfterActivation();
    }

    /** Starts a run in the background and returns it at once; refuses while another run is going. */
    public EvaluationRun start(String trigger) {
        LocalDate asOf = LocalDate.now(clock);
        long id = transactions.execute(tx -> {
            long created = runs.create(asOf, trigger, ruleset.current().version(), (int) facts.countCustomers(),
                    clock.instant());
            audit.record("RUN_STARTED", "evaluation_run", String.valueOf(created), null, find(created), 202);
            return created;
        });
        log.info("Evaluation run {} started ({}), as of {}", id, trigger, asOf);
        submit(id, asOf);
        return find(id);
    }

    public EvaluationRun find(long runId) {
        return runs.find(runId).map(RunStore.StoredRun::run).orElseThrow(() -> RunNotFound.withId(runId));
    }

    public List<EvaluationRun> latest(int limit) {
        return runs.latest(limit).stream().map(RunStore.StoredRun::run).toList();
    }

    /** Customers per tier at the end of each of the last {@code limit} completed runs: run id → tier → count. */
    public java.util.SortedMap<Long, java.util.Map<String, Long>> tierTrend(int limit) {
        return runs.tierTrend(limit);
    }

    /** The nightly run ({@code tiering.run.cron}, "-" to switch it off); skipped while a run is going. */
    @Scheduled(cron = "${tiering.run.cron:0 0 2 * * *}", zone = "${tiering.zone:UTC}")
    void scheduled() {
        try {
            start("SCHEDULE");
        }
        catch (RunAlreadyInProgress going) {
            log.info("Scheduled evaluation run skipped: {}", going.getMessage());
        }
    }

    /** Keeps this process's runs alive and takes over runs whose process is gone. */
    @Scheduled(fixedDelayString = "${tiering.run.heartbeat:PT10S}", initialDelayString = "${tiering.run.heartbeat:PT10S}")
    void heartbeatAndResume() {
        try {
            executing.forEach(id -> runs.heartbeat(id, clock.instant()));
            resumeStaleRuns();
        }
        catch (RuntimeException databaseGone) {
            log.warn("Evaluation run heartbeat failed ({}); retrying", databaseGone.toString());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeStaleRuns() {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(staleAfter);
        for (long id : runs.stale(staleBefore)) {
            if (!executing.contains(id) && runs.claim(id, staleBefore, now)) {
                RunStore.StoredRun stale = runs.find(id).orElseThrow();
                log.info("Resuming evaluation run {} after customer {} ({} of {} done)", id, stale.lastCustomerId(),
                        stale.run().processed(), stale.run().total());
                submit(id, stale.run().asOf());
            }
        }
    }

    private void submit(long runId, LocalDate asOf) {
        if (!executing.add(runId)) {
            return;
        }
        worker.submit(() -> {
            try {
                execute(runId, asOf);
            }
            catch (RuntimeException | org.springframework.batch.core.launch.JobExecutionAlreadyRunningException
                    | org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException
                    | org.springframework.batch.core.launch.JobRestartException
                    | org.springframework.batch.core.job.parameters.InvalidJobParametersException failure) {
                log.warn("Evaluation run {} could not be started or resumed ({}); it will be retried", runId,
                        failure.toString());
            }
            finally {
                executing.remove(runId);
            }
            followInForceVersion(runId);
        });
    }

    /**
     * A version put in force after the run's last step made sure of its version, but before the run ended, found
     * this run going and started none of its own: a run follows for it.
     */
    private void followInForceVersion(long runId) {
        String endedOn = decideAgain.endedOn(runId);
        if (endedOn != null && !endedOn.equals(ruleset.current().version()) && runAfterActivation) {
            try {
                start("ACTIVATION");
            }
            catch (RuntimeException notStarted) {
                log.warn("No run followed evaluation run {} for the version put in force as it ended ({})", runId,
                        notStarted.toString());
            }
        }
    }

    /** A new job, or the restart of the run's last job execution, marking a dead one failed first. */
    private void execute(long runId, LocalDate asOf) throws org.springframework.batch.core.launch.JobExecutionAlreadyRunningException,
            org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException,
            org.springframework.batch.core.launch.JobRestartException,
            org.springframework.batch.core.job.parameters.InvalidJobParametersException {
        JobParameters parameters = new JobParametersBuilder().addLong(EvaluationJob.RUN_ID, runId)
                .addLocalDate(EvaluationJob.AS_OF, asOf).toJobParameters();
        JobExecution last = repository.getLastJobExecution(EvaluationJob.NAME, parameters);
        if (last == null) {
            jobs.start(job, parameters);
            return;
        }
        if (last.getStatus().isRunning()) {
            // Its process is gone (the heartbeat says so): mark it failed so that it can be restarted.
            last = jobs.recover(last);
        }
        if (last.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED) {
            runs.finish(runId, RunStatus.COMPLETED, null, clock.instant());
            return;
        }
        jobs.restart(last);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
