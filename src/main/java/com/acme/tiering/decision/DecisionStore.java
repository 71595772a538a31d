package com.acme.tiering.decision;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Current decisions (one per customer) and the append-only decision history. */
@Repository
class DecisionStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DecisionCodec codec;

    DecisionStore(JdbcClient jdbc, JdbcTemplate template, DecisionCodec codec) {
        this.jdbc = jdbc;
        this.template = template;
        this.codec = codec;
    }

    /** What recording needs to know of the decisions in force: the tier, its name, since when, and the change key. */
    record CurrentState(String customerId, String tier, String tierName, LocalDate tierSince, String changeKey) {
    }

    /**
     * Locks the customers' rows until the transaction ends, in id order (so two recorders never deadlock):
     * recordings of one customer follow each other, and each sees the decision and history hash the one
     * before it committed. Without it, an event-driven evaluation and an evaluation run recording the same
     * customer at once could both chain a history row to the same previous row.
     */
    void lock(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT customer_id FROM customer WHERE customer_id IN (:ids) ORDER BY customer_id FOR UPDATE")
                .param("ids", customerIds).query(String.class).list();
    }

    Map<String, CurrentState> currentStates(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT customer_id, tier, tier_name, tier_since, change_key
                FROM current_decision WHERE customer_id IN (:ids)
                """).param("ids", customerIds).query(CurrentState.class).list().stream()
                .collect(Collectors.toMap(CurrentState::customerId, s -> s));
    }

    /**
     * The number people know a ruleset version by, for the content hashes decisions record: the first stored version
     * of that content that was put in force (as a run's page names the versions it used). Read only when a rename
     * is recorded.
     */
    Map<String, Long> versionIds(Collection<String> rulesetVersions) {
        if (rulesetVersions.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> ids = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT content_hash, MIN(id) AS id FROM ruleset_version
                WHERE content_hash IN (:hashes) AND activated_at IS NOT NULL GROUP BY content_hash
                """).param("hashes", rulesetVersions)
                .query((rs, i) -> ids.put(rs.getString("content_hash"), rs.getLong("id"))).list();
        return ids;
    }

    /** Each decision's stored JSON, written once per decision and shared by its current row and history row. */
    Map<Decision, String> json(List<Decision> decisions) {
        Map<Decision, String> json = new java.util.IdentityHashMap<>();
        decisions.forEach(d -> json.put(d, codec.write(d)));
        return json;
    }

    void insertCurrent(List<Decision> decisions, Map<Decision, String> json) {
        template.batchUpdate("""
                INSERT INTO current_decision (tier, qualified_tier, plan_code, lifecycle_stage, rfm_segment,
                    churn_risk, churn_triggers, change_key, tier_since, downgrade_pending_since, ruleset_version,
                    run_id, as_of, evaluated_at, decision_json, rules_tier, lookup_json, basis_json, tier_name, customer_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, decisions, decisions.size(), (ps, d) -> bindCurrent(ps, d, json.get(d)));
    }

    void updateCurrent(List<Decision> decisions, Map<Decision, String> json) {
        template.batchUpdate("""
                UPDATE current_decision SET tier = ?, qualified_tier = ?, plan_code = ?, lifecycle_stage = ?,
                    rfm_segment = ?, churn_risk = ?, churn_triggers = ?, change_key = ?, tier_since = ?,
                    downgrade_pending_since = ?, ruleset_version = ?, run_id = ?, as_of = ?, evaluated_at = ?,
                    decision_json = ?, rules_tier = ?, lookup_json = ?, basis_json = ?, tier_name = ?
                WHERE customer_id = ?
                """, decisions, decisions.size(), (ps, d) -> bindCurrent(ps, d, json.get(d)));
    }

    private void bindCurrent(java.sql.PreparedStatement ps, Decision d, String json) throws java.sql.SQLException {
        ps.setString(1, d.tier());
        ps.setString(2, d.qualifiedTier());
        ps.setString(3, d.planCode());
        ps.setString(4, d.lifecycleStage());
        ps.setString(5, d.rfmSegment());
        ps.setString(6, d.churnRisk());
        ps.setString(7, d.churnTriggers());
        ps.setString(8, d.changeKey());
        ps.setObject(9, d.tierSince());
        ps.setObject(10, d.downgradePendingSince());
        ps.setString(11, d.rulesetVersion());
        ps.setObject(12, d.runId());
        ps.setObject(13, d.asOf());
        ps.setTimestamp(14, Timestamp.from(d.evaluatedAt()));
        ps.setString(15, json);
        ps.setString(16, d.rulesTier());
        ps.setString(17, codec.write(TierLookup.of(d)));
        ps.setString(18, codec.write(DecisionBasis.of(d)));
        ps.setString(19, d.tierName());
        ps.setString(20, d.customerId());
    }

    /**
     * Before decisions made by another ruleset version replace these customers' current ones, keeps what the
     * current ones were made from, with their version: what a rollback of that other version restores. Decisions
     * of the same version leave the prior basis as it is, so it stays the one from before the version came.
     */
    void keepPriors(List<Decision> updates) {
        updates.stream().collect(Collectors.groupingBy(Decision::rulesetVersion,
                Collectors.mapping(Decision::customerId, Collectors.toList()))).forEach((version, ids) -> jdbc.sql("""
                        UPDATE current_decision SET prior_ruleset_version = ruleset_version, prior_basis_json = basis_json
                        WHERE customer_id IN (:ids) AND ruleset_version <> :version
                        """).param("ids", ids).param("version", version).update());
    }

    /** The current decisions of these customers as deciding them again needs them, without their JSON. */
    Map<String, StandingDecision> standing(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT customer_id, tier, tier_name, COALESCE(rules_tier, tier) AS rules_tier, qualified_tier,
                    plan_code, churn_triggers, tier_since, downgrade_pending_since, change_key, ruleset_version,
                    prior_ruleset_version, prior_basis_json
                FROM current_decision WHERE customer_id IN (:ids)
                """).param("ids", customerIds).query((rs, i) -> new StandingDecision(rs.getString("customer_id"),
                        rs.getString("tier"), rs.getString("tier_name"), rs.getString("rules_tier"),
                        rs.getString("qualified_tier"), rs.getString("plan_code"), rs.getString("churn_triggers"),
                        rs.getObject("tier_since", LocalDate.class), rs.getObject("downgrade_pending_since", LocalDate.class),
                        rs.getString("change_key"), rs.getString("ruleset_version"),
                        rs.getString("prior_ruleset_version"), codec.readBasis(rs.getString("prior_basis_json"))))
                .list().stream().collect(Collectors.toMap(StandingDecision::customerId, s -> s));
    }

    /** Appends rows chained to each customer's last row: every row's hash covers the one before it. */
    void appendHistory(List<Decision> decisions, Map<Decision, String> json) {
        Map<String, String> previous = lastHashes(decisions.stream().map(Decision::customerId).toList());
        java.util.IdentityHashMap<Decision, String[]> chain = new java.util.IdentityHashMap<>();
        for (Decision d : decisions) {
            String before = previous.getOrDefault(d.customerId(), HistoryHash.GENESIS);
            String hash = HistoryHash.of(before, new HistoryHash.Content(d.customerId(), d.tier(), d.planCode(),
                    d.lifecycleStage(), d.rfmSegment(), d.churnRisk(), d.churnTriggers(), d.rulesetVersion(), d.runId(),
                    d.asOf(), d.evaluatedAt(), json.get(d)));
            chain.put(d, new String[] { before, hash });
            previous.put(d.customerId(), hash);
        }
        template.batchUpdate("""
                INSERT INTO decision_history (customer_id, tier, plan_code, lifecycle_stage, rfm_segment, churn_risk,
                    churn_triggers, ruleset_version, run_id, as_of, evaluated_at, decision_json, previous_hash, row_hash,
                    tier_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, decisions, decisions.size(), (ps, d) -> {
                    ps.setString(1, d.customerId());
                    ps.setString(2, d.tier());
                    ps.setString(3, d.planCode());
                    ps.setString(4, d.lifecycleStage());
                    ps.setString(5, d.rfmSegment());
                    ps.setString(6, d.churnRisk());
                    ps.setString(7, d.churnTriggers());
                    ps.setString(8, d.rulesetVersion());
                    ps.setObject(9, d.runId());
                    ps.setObject(10, d.asOf());
                    ps.setTimestamp(11, Timestamp.from(d.evaluatedAt()));
                    ps.setString(12, json.get(d));
                    ps.setString(13, chain.get(d)[0]);
                    ps.setString(14, chain.get(d)[1]);
                    ps.setString(15, d.tierName());
                });
    }

    private Map<String, String> lastHashes(Collection<String> customerIds) {
        Map<String, String> hashes = new java.util.HashMap<>();
        if (customerIds.isEmpty()) {
            return hashes;
        }
        jdbc.sql("""
                SELECT customer_id, row_hash FROM decision_history WHERE id IN (
                    SELECT MAX(id) FROM decision_history WHERE customer_id IN (:ids) GROUP BY customer_id)
                """).param("ids", customerIds).query((rs, i) -> hashes.put(rs.getString(1), rs.getString(2))).list();
        return hashes;
    }

    Optional<Decision> current(String customerId) {
        return jdbc.sql("SELECT decision_json FROM current_decision WHERE customer_id = ?")
                .param(customerId).query(String.class).optional().map(codec::read);
    }

    List<Decision> current(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT decision_json FROM current_decision WHERE customer_id IN (:ids)")
                .param("ids", customerIds).query(String.class).list().stream().map(codec::read).toList();
    }

    /**
     * Tier lookups read the lookup's own JSON; rows recorded before V16 carry none and answer from the decision.
     * They read at most 1,000 rows by primary key, so they go without the configured query timeout (a backstop
     * for long statements): setting it costs a statement of its own per query on H2, which also makes H2 drop
     * every connection's parsed statements, and a timer per query on MySQL. A timeout of -1 is JdbcTemplate's
     * "not set": the statement keeps the driver's default, as on a template never given one.
     */
    private static final String LOOKUP = """
            SELECT customer_id, lookup_json, CASE WHEN lookup_json IS NULL THEN decision_json END AS decision_json
            FROM current_decision""";

    private static final int NO_TIMEOUT = -1;

    Optional<StoredTierLookup> lookup(String customerId) {
        return jdbc.sql(LOOKUP + " WHERE customer_id = ?").withQueryTimeout(NO_TIMEOUT).param(customerId)
                .query(this::lookupRow).optional();
    }

    List<StoredTierLookup> lookups(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(LOOKUP + " WHERE customer_id IN (:ids)").withQueryTimeout(NO_TIMEOUT).param("ids", customerIds)
                .query(this::lookupRow).list();
    }

    private StoredTierLookup lookupRow(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String lookup = rs.getString("lookup_json");
        if (lookup == null) {
            lookup = codec.write(TierLookup.of(codec.read(rs.getString("decision_json"))));
        }
        return new StoredTierLookup(rs.getString("customer_id"), lookup);
    }

    List<Decision> history(String customerId) {
        return jdbc.sql("SELECT decision_json FROM decision_history WHERE customer_id = ? ORDER BY id")
                .param(customerId).query(String.class).list().stream().map(codec::read).toList();
    }

    /** The history row in force on a date: the last one written on or before it. */
    Optional<Decision> inForceOn(String customerId, LocalDate date) {
        return jdbc.sql("""
                SELECT decision_json FROM decision_history
                WHERE customer_id = ? AND as_of <= ?
                ORDER BY as_of DESC, id DESC LIMIT 1
                """).param(customerId).param(date).query(String.class).optional().map(codec::read);
    }

    long historyCount(String customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM decision_history WHERE customer_id = ?")
                .param(customerId).query(Long.class).single();
    }
}
