package com.acme.tiering.run;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A full evaluation run over every customer, as of one date, and how far it has got.
 *
 * @param status RUNNING, COMPLETED or FAILED
 * @param trigger what started it: API, PAGE (the Runs page), DEMO, SCHEDULE, ACTIVATION
 */
public record EvaluationRun(
        long id,
        LocalDate asOf,
        String status,
        String trigger,
        String rulesetVersion,
        int total,
        int processed,
        int changed,
        Instant startedAt,
        Instant finishedAt,
        String error,
        Progress progress) {

    /** @param ratePerSecond customers per second so far; @param secondsLeft estimate, null when unknown */
    public record Progress(double percent, double ratePerSecond, Long secondsLeft) {
    }

    static Progress progressOf(int total, int processed, Instant startedAt, Instant until) {
        double seconds = Math.max(0.001, Duration.between(startedAt, until).toMillis() / 1000.0);
        double rate = processed / seconds;
        double percent = total == 0 ? 100.0 : Math.min(100.0, 100.0 * processed / total);
        Long left = rate > 0 ? Math.round(Math.max(0, total - processed) / rate) : null;
        return new Progress(Math.round(percent * 10) / 10.0, Math.round(rate * 10) / 10.0, left);
    }
}
