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
                changed_customers, last_customer_id, started_at, finished_at, error_message, redecided_customers
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

    /** Counts a chunk's decisions for the ruleset version that made them, in the chunk's transaction. */
    void used(long runId, String rulesetVersion, int decisions, Instant at) {
        int counted = jdbc.sql("""
                UPDATE evaluation_run_ruleset SET decisions = decisions + ? WHERE run_id = ? AND ruleset_version = ?
                """).params(decisions, runId, rulesetVersion).update();
        if (counted == 0) {
            jdbc.sql("""
                    INSERT INTO evaluation_run_ruleset (run_id, ruleset_version, decisions, first_used_at)
                    VALUES (?, ?, ?, ?)
                    """).params(runId, rulesetVersion, decisions, Timestamp.from(at)).update();
        }
    }

    /** Customers decided again because the version that first decided them went out of force during the run. */
    void decidedAgain(long runId, int decisions, int changed) {
        jdbc.sql("""
                UPDATE evaluation_run SET redecided_customers = redecided_customers + ?,
                    changed_customers = changed_customers + ?
                WHERE id = ?
                """).params(decisions, changed, runId).update();
    }

    /** Whether the run decided any customer with a version other than this one. */
    boolean usedOtherThan(long runId, String rulesetVersion) {
        return jdbc.sql("SELECT COUNT(*) FROM evaluation_run_ruleset WHERE run_id = ? AND ruleset_version <> ?")
                .params(runId, rulesetVersion).query(Long.class).single() > 0;
    }

    /** The next customers, in id order after {@code afterId} (null: from the first), decided by another version. */
    List<String> decidedByOtherThan(String rulesetVersion, String afterId, int limit) {
        return jdbc.sql("""
                SELECT customer_id FROM current_decision
                WHERE ruleset_version <> :version AND (:after IS NULL OR customer_id > :after)
                ORDER BY customer_id LIMIT :limit
                """).param("version", rulesetVersion).param("after", afterId, java.sql.Types.VARCHAR)
                .param("limit", limit).query(String.class).list();
    }

    /** The versions each of these runs decided customers with, first used first: run id → versions. */
    java.util.Map<Long, List<EvaluationRun.RulesetUse>> rulesetsOf(java.util.Collection<Long> runIds) {
        java.util.Map<Long, List<EvaluationRun.RulesetUse>> uses = new java.util.HashMap<>();
        if (runIds.isEmpty()) {
            return uses;
        }
        jdbc.sql("""
                SELECT r.run_id, r.ruleset_version, r.decisions, r.first_used_at,
                    (SELECT MIN(v.id) FROM ruleset_version v
                     WHERE v.content_hash = r.ruleset_version AND v.activated_at IS NOT NULL) AS version_id
                FROM evaluation_run_ruleset r WHERE r.run_id IN (:ids) ORDER BY r.run_id, r.first_used_at
                """).param("ids", runIds).query((ResultSet rs) -> {
                    uses.computeIfAbsent(rs.getLong("run_id"), id -> new java.util.ArrayList<>())
                            .add(new EvaluationRun.RulesetUse(rs.getString("ruleset_version"),
                                    rs.getObject("version_id", Long.class), rs.getInt("decisions"),
                                    rs.getTimestamp("first_used_at").toInstant()));
                });
        return uses;
    }

    void heartbeat(long runId, Instant at) {
        jdbc.sql("UPDATE evaluation_run SET heartbeat_at = ? WHERE id = ?").params(Timestamp.from(at), runId).update();
    }

    void finish(long runId, RunStatus status, String error, Instant at) {
        jdbc.sql("""
                UPDATE evaluation_run SET status = ?, error_message = ?, finished_at = ?, running_key = NULL
                WHERE id = ?
                """).params(status.name(), error, Timestamp.from(at), runId).update();
    }

    /** Completes a run and keeps how many customers each tier has at that moment, for the trend across runs. */
    @org.springframework.transaction.annotation.Transactional
    public void complete(long runId, Instant at) {
        finish(runId, RunStatus.COMPLETED, null, at);
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
        return withRulesets(jdbc.sql(COLUMNS + " WHERE id = ?").param(runId).query(RunStore::map).list()).stream()
                .findFirst();
    }

    List<StoredRun> running() {
        return withRulesets(jdbc.sql(COLUMNS + " WHERE running_key IS NOT NULL ORDER BY id").query(RunStore::map)
                .list());
    }

    List<StoredRun> latest(int limit) {
        return withRulesets(jdbc.sql(COLUMNS + " ORDER BY id DESC LIMIT ?").param(limit).query(RunStore::map).list());
    }

    private List<StoredRun> withRulesets(List<StoredRun> stored) {
        java.util.Map<Long, List<EvaluationRun.RulesetUse>> uses = rulesetsOf(
                stored.stream().map(s -> s.run().id()).toList());
        return stored.stream().map(s -> new StoredRun(s.run().withRulesets(uses.getOrDefault(s.run().id(), List.of())),
                s.lastCustomerId())).toList();
    }

    private static StoredRun map(ResultSet rs, int row) throws SQLException {
        Instant started = rs.getTimestamp("started_at").toInstant();
        Timestamp finishedAt = rs.getTimestamp("finished_at");
        Instant finished = finishedAt == null ? null : finishedAt.toInstant();
        int total = rs.getInt("total_customers");
        int processed = rs.getInt("processed_customers");
        EvaluationRun run = new EvaluationRun(rs.getLong("id"), rs.getObject("as_of", LocalDate.class),
                RunStatus.valueOf(rs.getString("status")), rs.getString("trigger_kind"),
                rs.getString("ruleset_version"), total, processed, rs.getInt("changed_customers"), started, finished,
                rs.getString("error_message"),
                EvaluationRun.progressOf(total, processed, started, finished == null ? Instant.now() : finished),
                rs.getInt("redecided_customers"), List.of());
        return new StoredRun(run, rs.getString("last_customer_id"));
    }
}
