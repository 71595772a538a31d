package com.acme.tiering.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.acme.tiering.run.EvaluationRun;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.run.RunStatus;

/** Starts an evaluation run of every customer and waits until it has completed. */
public final class FullRun {

    private FullRun() {
    }

    public static EvaluationRun completed(EvaluationRuns runs) {
        EvaluationRun run = runs.start("TEST");
        EvaluationRun now = awaitEnded(runs, run.id(), Duration.ofMinutes(3));
        if (now.status() != RunStatus.COMPLETED) {
            throw new IllegalStateException("Run " + run.id() + " ended " + now.status() + ": " + now.error());
        }
        return now;
    }

    /** Waits until the run is no longer RUNNING: the run as it ended. */
    public static EvaluationRun awaitEnded(EvaluationRuns runs, long runId, Duration within) {
        return await("run " + runId + " ended").atMost(within).pollInterval(Duration.ofMillis(100))
                .until(() -> runs.find(runId), run -> run.status() != RunStatus.RUNNING);
    }

    /** Waits until the latest run, if any, is no longer RUNNING. */
    public static void awaitNoRunGoing(EvaluationRuns runs, Duration within) {
        await("no run going").atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> runs.latest(1).stream()
                .noneMatch(run -> run.status() == RunStatus.RUNNING));
    }
}
