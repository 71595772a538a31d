package com.acme.tiering.support;

import java.time.Duration;

import com.acme.tiering.run.EvaluationRun;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.run.RunStatus;

/** Waits for the demo dataset's first evaluation run, started by the demo loader at start-up, to complete. */
public final class DemoRun {

    private DemoRun() {
    }

    public static EvaluationRun awaitCompleted(EvaluationRuns runs) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            EvaluationRun last = runs.latest(1).stream().findFirst().orElse(null);
            if (last != null && last.status() == RunStatus.COMPLETED) {
                return last;
            }
            if (last != null && last.status() == RunStatus.FAILED) {
                throw new IllegalStateException("The demo run failed: " + last.error());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The demo run did not complete within 3 minutes");
    }
}
