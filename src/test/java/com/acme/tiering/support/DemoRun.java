package com.acme.tiering.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.acme.tiering.run.EvaluationRun;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.run.RunStatus;

/** Waits for the demo dataset's first evaluation run, started by the demo loader at start-up, to complete. */
public final class DemoRun {

    private DemoRun() {
    }

    public static EvaluationRun awaitCompleted(EvaluationRuns runs) {
        EvaluationRun last = await("the demo run completed").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> runs.latest(1).stream().findFirst().orElse(null),
                        run -> run != null && run.status() != RunStatus.RUNNING);
        if (last.status() != RunStatus.COMPLETED) {
            throw new IllegalStateException("The demo run failed: " + last.error());
        }
        return last;
    }
}
