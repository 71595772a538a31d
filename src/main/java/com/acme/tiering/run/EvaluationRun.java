package com.acme.tiering.run;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A full evaluation run over every customer, as of one date, and how far it has got.
 *
 * @param status where it stands; its name is the text kept in the database and sent as JSON
 * @param trigger what started it: API, PAGE (the Runs page), DEMO, SCHEDULE, ACTIVATION
 * @param rulesetVersion the version in force when the run started
 * @param redecided customers decided again because the version that first decided them in this run went out of
 *        force before it ended (a rollback or a publication during the run)
 * @param rulesets every version the run decided customers with, first used first
 */
public record EvaluationRun(
        long id,
        LocalDate asOf,
        RunStatus status,
        String trigger,
        String rulesetVersion,
        int total,
        int processed,
        int changed,
        Instant startedAt,
        Instant finishedAt,
        String error,
        Progress progress,
        int redecided,
        List<RulesetUse> rulesets) {

    /**
     * A ruleset version a run decided customers with.
     *
     * @param versionId the stored version with that content that was put in force, null if none was
     * @param decisions decisions the run recorded with it, those made again with another version included
     */
    public record RulesetUse(String rulesetVersion, Long versionId, int decisions, Instant firstUsedAt) {
    }

    EvaluationRun withRulesets(List<RulesetUse> used) {
        return new EvaluationRun(id, asOf, status, trigger, rulesetVersion, total, processed, changed, startedAt,
                finishedAt, error, progress, redecided, List.copyOf(used));
    }

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
