package com.acme.tiering.run;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Ends a run when its job ends: COMPLETED, or FAILED with the reason. A job that stopped because the
 * database went away is not a failed run: it stays going and resumes when its heartbeat is stale and the
 * database answers again. Also logs progress while a run goes.
 */
@Component
class RunCompletion implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunCompletion.class);

    private final RunStore runs;
    private final Clock clock;
    private final RunExecution execution;
    private final RunMetrics metrics;
    private volatile Instant lastProgressLog = Instant.EPOCH;

    RunCompletion(RunStore runs, Clock clock, RunExecution execution, RunMetrics metrics) {
        this.runs = runs;
        this.clock = clock;
        this.execution = execution;
        this.metrics = metrics;
    }

    @Override
    public void afterJob(JobExecution job) {
        long runId = job.getJobParameters().getLong(EvaluationJob.RUN_ID);
        try {
            if (job.getStatus() == BatchStatus.COMPLETED) {
                runs.complete(runId, clock.instant());
                EvaluationRun done = runs.find(runId).orElseThrow().run();
                log.info("Evaluation run {} completed: {} customers, {} changed, {}/s; time in chunks: {}", runId,
                        done.processed(), done.changed(), done.progress().ratePerSecond(), execution.stages(runId));
                ended(done);
                return;
            }
            List<Throwable> failures = job.getAllFailureExceptions();
            if (job.getStatus() == BatchStatus.STOPPED || failures.stream().anyMatch(com.acme.tiering.DatabaseFailures::unavailable)) {
                log.warn("Evaluation run {} interrupted ({}); it resumes from its last committed chunk", runId,
                        failures.isEmpty() ? job.getStatus() : failures.get(0).toString());
                runs.interrupted(runId, "Interrupted, resuming from the last committed chunk: "
                        + (failures.isEmpty() ? job.getStatus() : failures.get(0).getMessage()));
                return;
            }
            String why = failures.isEmpty() ? String.valueOf(job.getExitStatus().getExitDescription())
                    : String.valueOf(failures.get(0).getMessage());
            log.error("Evaluation run {} failed: {}", runId, why, failures.isEmpty() ? null : failures.get(0));
            runs.finish(runId, RunStatus.FAILED, why.length() > 2000 ? why.substring(0, 2000) : why, clock.instant());
            runs.find(runId).map(RunStore.StoredRun::run).ifPresent(this::ended);
        }
        catch (RuntimeException databaseGone) {
            // The run stays going; its heartbeat goes stale and it is resumed once the database answers.
            log.warn("Evaluation run {} could not be ended ({}); it will be resumed", runId, databaseGone.toString());
        }
    }

    /** The run's time from start to end, interruptions and resumption included. */
    private void ended(EvaluationRun run) {
        if (run.finishedAt() != null) {
            metrics.runEnded(run.status(), java.time.Duration.between(run.startedAt(), run.finishedAt()));
        }
    }

    /** Logs the run's progress at most every 10 seconds: processed, total, rate, time left. */
    void progress(long runId) {
        Instant now = clock.instant();
        if (now.isBefore(lastProgressLog.plusSeconds(10))) {
            return;
        }
        lastProgressLog = now;
        runs.find(runId).map(RunStore.StoredRun::run).ifPresent(run -> log.info(
                "Evaluation run {}: {} of {} customers ({}%), {}/s, about {} s left", runId, run.processed(),
                run.total(), run.progress().percent(), run.progress().ratePerSecond(), run.progress().secondsLeft()));
    }
}
