package com.acme.tiering.support;

import java.time.Duration;

import com.acme.tiering.run.EvaluationRun;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.run.RunStatus;

/** Starts an evaluation run of every customer and waits until it has completed. */
public final class FullRun {

    private FullRun() {
    }

    public static EvaluationRun completed(EvaluationRuns runs) throws InterruptedException {
        EvaluationRun run = runs.start("TEST");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            EvaluationRun now = runs.find(run.id());
            if (now.status() != RunStatus.RUNNING) {
                if (now.status() != RunStatus.COMPLETED) {
                    throw new IllegalStateException("Run " + run.id() + " ended " + now.status() + ": " + now.error());
                }
                return now;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Run " + run.id() + " did not complete within 3 minutes");
    }
}
