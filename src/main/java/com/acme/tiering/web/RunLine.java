package com.acme.tiering.web;

import java.time.Duration;
import java.time.Instant;

import com.acme.tiering.run.EvaluationRun;
import com.acme.tiering.run.RunStatus;

/** A run as the runs pages show it: the run, and how long it took (or has been going) in words. */
public record RunLine(EvaluationRun run, String duration) {

    public static RunLine of(EvaluationRun run, Instant now) {
        Instant until = run.finishedAt() != null ? run.finishedAt() : now;
        return new RunLine(run, inWords(Duration.between(run.startedAt(), until)));
    }

    public boolean running() {
        return run.status() == RunStatus.RUNNING;
    }

    /** "850 ms", "42 s", "3 min 05 s", "1 h 02 min". */
    static String inWords(Duration duration) {
        if (duration.isNegative()) {
            return "0 s";
        }
        if (duration.toSeconds() < 1) {
            return duration.toMillis() + " ms";
        }
        if (duration.toMinutes() < 1) {
            return duration.toSeconds() + " s";
        }
        if (duration.toHours() < 1) {
            return String.format("%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
        }
        return String.format("%d h %02d min", duration.toHours(), duration.toMinutesPart());
    }
}
