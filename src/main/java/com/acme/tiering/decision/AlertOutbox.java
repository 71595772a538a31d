package com.acme.tiering.decision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.acme.tiering.TieringProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox of the alert webhook. Rows are written in the transaction that opens their alerts, and only
 * when a webhook URL is configured. Senders claim a due row with a conditional update that pushes its next
 * attempt past a lease under a fresh token, so of several instances exactly one sends it, and only the
 * claimant's token can mark it delivered or schedule its retry.
 */
@Repository
class AlertOutbox {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final boolean enabled;

    AlertOutbox(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, TieringProperties properties) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.enabled = properties.alerts().webhookConfigured();
    }

    record Pending(long id, long alertId, String payload, int attempts) {
    }

    /** Queues the alerts for the webhook, in the caller's transaction; nothing without a webhook URL. */
    void enqueue(List<ChurnAlertStore.OpenedAlert> opened) {
        if (!enabled || opened.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO churn_alert_outbox (alert_id, payload, created_at, next_attempt_at, attempts)
                VALUES (?, ?, ?, ?, 0)
                """, opened, opened.size(), (ps, o) -> {
                    Timestamp at = Timestamp.from(o.alert().openedAt());
                    ps.setLong(1, o.id());
                    ps.setString(2, json.writeValueAsString(AlertOpened.of(o)));
                    ps.setTimestamp(3, at);
                    ps.setTimestamp(4, at);
                });
    }

    /** Ids of undelivered rows whose next attempt is due, longest waiting first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM churn_alert_outbox WHERE delivered_at IS NULL AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id LIMIT ?""").params(Timestamp.from(now), limit).query(Long.class).list();
    }

    /** Takes the row for one attempt until {@code leaseUntil}; empty when another sender was first. */
    Optional<Pending> claim(long id, String token, Instant now, Instant leaseUntil) {
        int claimed = jdbc.sql("""
                UPDATE churn_alert_outbox SET claim_token = ?, next_attempt_at = ?, attempts = attempts + 1
                WHERE id = ? AND delivered_at IS NULL AND next_attempt_at <= ?
                """).params(token, Timestamp.from(leaseUntil), id, Timestamp.from(now)).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, alert_id, payload, attempts FROM churn_alert_outbox WHERE id = ?").param(id)
                .query(Pending.class).optional();
    }

    void delivered(long id, String token, Instant at) {
        jdbc.sql("UPDATE churn_alert_outbox SET delivered_at = ?, last_error = NULL WHERE id = ? AND claim_token = ?")
                .params(Timestamp.from(at), id, token).update();
    }

    void retryAt(long id, String token, Instant next, String error) {
        String shortened = error.length() > 400 ? error.substring(0, 400) : error;
        jdbc.sql("""
                UPDATE churn_alert_outbox SET next_attempt_at = ?, last_error = ?
                WHERE id = ? AND claim_token = ? AND delivered_at IS NULL""")
                .params(Timestamp.from(next), shortened, id, token).update();
    }
}
