package com.acme.tiering.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class RunStore {

    private static final String COLUMNS = """
            SELECT id, as_of, status, trigger_kind, ruleset_version, total_customers, processed_customers,
                changed_customers, last_customer_id, started_at, finished_at, error_message
            FROM evaluation_run""";

    private final JdbcClient jdbc;

    RunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The run's row with the resume point, which the API does not show. */
    record StoredRun(EvaluationRun run, String lastCustomerId) {
    }

    /**
     * Creates a run that is going, or refuses when one already is (in this or another instance).
     *
     * @throws RunAlreadyInProgress naming the run that is going
     */
    long create(LocalDate asOf, String trigger, String rulesetVersion, int total, Instant startedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO evaluation_run (as_of, status, trigger_kind, ruleset_version, total_customers, started_at,
                        running_key, heartbeat_at)
                    VALUES (?, 'RUNNING', ?, ?, ?, ?, 'RUN', ?)
                    """).params(asOf, trigger, rulesetVersion, total, Timestamp.from(startedAt),
                    Timestamp.from(startedAt)).update(key, "id");
        }
        catch (org.springframework.dao.DuplicateKeyException going) {
            throw RunAlreadyInProgress.withId(running().stream().findFirst().map(r -> r.run().id()).orElse(-1L));
        }
        return key.getKey().longValue();
    }

    /** Written in the same transaction as the chunk's decisions: progress never counts a customer twice. */
    void advance(long runId, int processed, int changed, String lastCustomerId, Instant at) {
        jdbc.sql("""
                UPDATE evaluation_run SET processed_customers = processed_customers + ?,
                    changed_customers = changed_customers + ?, last_customer_id = ?, heartbeat_at = ?
                WHERE id = ?
                """).params(processed, changed, lastCustomerId, Timestamp.from(at), runId).update();
    }

    void heartbeat(long runId, Instant at) {
        jdbc.sql("UPDATE evaluation_run SET heartbeat_at = ? WHERE id = ?").params(Timestamp.from(at), runId).update();
    }

    void finish(long runId, String status, String error, Instant at) {
        jdbc.sql("""
                UPDATE evaluation_run SET status = ?, error_message = ?, finished_at = ?, running_key = NULL
                WHERE id = ?
                """).params(status, error, Timestamp.from(at), runId).update();
    }

    /** Completes a run and keeps how many customers each tier has at that moment, for the trend across runs. */
    @org.springframework.transaction.annotation.Transactional
    public void complete(long runId, Instant at) {
        finish(runId, "COMPLETED", null, at);
        jdbc.sql("""
                INSERT INTO evaluation_run_tier (run_id, tier, customers)
                SELECT ?, tier, COUNT(*) FROM current_decision GROUP BY tier
                """).param(runId).update();
    }

    /** Tier counts of the last {@code runs} completed runs, oldest first: run id → tier → customers. */
    java.util.SortedMap<Long, java.util.Map<String, Long>> tierTrend(int runs) {
        java.util.SortedMap<Long, java.util.Map<String, Long>> trend = new java.util.TreeMap<>();
        jdbc.sql("""
                SELECT t.run_id, t.tier, t.customers FROM evaluation_run_tier t
                WHERE t.run_id IN (SELECT id FROM (SELECT id FROM evaluation_run WHERE status = 'COMPLETED'
                                                   ORDER BY id DESC LIMIT ?) latest)
                ORDER BY t.run_id, t.tier
                """).param(runs).query(rs -> {
            trend.computeIfAbsent(rs.getLong(1), id -> new java.util.TreeMap<>()).put(rs.getString(2), rs.getLong(3));
        });
        return trend;
    }

    /** Notes why a run stopped without ending it: it resumes when its heartbeat is stale. */
    void interrupted(long runId, String why) {
        jdbc.sql("UPDATE evaluation_run SET error_message = ? WHERE id = ?").params(why, runId).update();
    }

    /** Runs that are going but whose process stopped chunking before {@code staleBefore}. */
    List<Long> stale(Instant staleBefore) {
        return jdbc.sql("""
                SELECT id FROM evaluation_run
                WHERE running_key IS NOT NULL AND (heartbeat_at IS NULL OR heartbeat_at < ?) ORDER BY id
                """).param(Timestamp.from(staleBefore)).query(Long.class).list();
    }

    /**
     * Takes over a stale run: only one process wins, because the heartbeat it read must still be there.
     */
    boolean claim(long runId, Instant staleBefore, Instant now) {
        return jdbc.sql("""
                UPDATE evaluation_run SET heartbeat_at = ?, restarts = restarts + 1, error_message = NULL
                WHERE id = ? AND running_key IS NOT NULL AND (heartbeat_at IS NULL OR heartbeat_at < ?)
                """).params(Timestamp.from(now), runId, Timestamp.from(staleBefore)).update() == 1;
    }

    Optional<StoredRun> find(long runId) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(runId).query(RunStore::map).optional();
    }

    List<StoredRun> running() {
        return jdbc.sql(COLUMNS + " WHERE running_key IS NOT NULL ORDER BY id").query(RunStore::map).list();
    }

    List<StoredRun> latest(int limit) {
        return jdbc.sql(COLUMNS + " ORDER BY id DESC LIMIT ?").param(limit).query(RunStore::map).list();
    }

    private static StoredRun map(ResultSet rs, int row) throws SQLException {
        Instant started = rs.getTimestamp("started_at").toInstant();
        Timestamp finishedAt = rs.getTimestamp("finished_at");
        Instant finished = finishedAt == null ? null : finishedAt.toInstant();
        int total = rs.getInt("total_customers");
        int processed = rs.getInt("processed_customers");
        EvaluationRun run = new EvaluationRun(rs.getLong("id"), rs.getObject("as_of", LocalDate.class),
                rs.getString("status"), rs.getString("trigger_kind"), rs.getString("ruleset_version"), total,
                processed, rs.getInt("changed_customers"), started, finished, rs.getString("error_message"),
                EvaluationRun.progressOf(total, processed, started, finished == null ? Instant.now() : finished));
        return new StoredRun(run, rs.getString("last_customer_id"));
    }
}
