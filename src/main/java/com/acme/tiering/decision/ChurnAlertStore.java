package com.acme.tiering.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Churn alerts and their transitions. {@code open_key} (customer|trigger) is set for the alert of a trigger
 * episode, whatever its status, and cleared when the trigger stops: the unique index keeps one alert per
 * customer and trigger episode.
 */
@Repository
class ChurnAlertStore {

    /** Who opens and closes alerts on the rules' word, as their history shows it. */
    static final String SERVICE = "system (churn trigger)";

    static final String CLOSED_REASON = "Closed automatically: the trigger no longer fires";

    private static final String COLUMNS = """
            a.id, a.customer_id, c.name AS customer_name, a.trigger_id, a.risk, a.recommended_action, a.owner,
            a.owner_role, a.status, a.open_key, a.opened_at, a.due_at, a.closed_at, a.closed_reason
            FROM churn_alert a LEFT JOIN customer c ON c.customer_id = a.customer_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ChurnAlertStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The alert of a trigger episode still in progress (the trigger fired at the last evaluation). */
    record OpenAlert(long id, String customerId, String triggerId) {
    }

    record NewAlert(String customerId, String customerName, String triggerId, String risk, String recommendedAction,
            String owner, String ownerRole, Instant openedAt, Instant dueAt) {

        String openKey() {
            return customerId + "|" + triggerId;
        }
    }

    record OpenedAlert(long id, NewAlert alert) {
    }

    /** @param overdue null: either; true: only alerts still open past their due time; false: only the others */
    record Filter(String status, String risk, String owner, String triggerId, Boolean overdue, int page, int size) {
    }

    ChurnAlerts.OpenAlerts open(Instant now) {
        java.util.Map<String, Long> byRisk = new java.util.LinkedHashMap<>();
        for (String risk : List.of("HIGH", "MEDIUM", "LOW")) {
            byRisk.put(risk, 0L);
        }
        jdbc.sql("SELECT risk, COUNT(*) FROM churn_alert WHERE status IN ('OPEN', 'ACKNOWLEDGED') GROUP BY risk")
                .query(rs -> {
                    byRisk.put(rs.getString(1), rs.getLong(2));
                });
        long overdue = jdbc.sql("SELECT COUNT(*) FROM churn_alert WHERE status IN ('OPEN', 'ACKNOWLEDGED') AND due_at < ?")
                .param(java.sql.Timestamp.from(now)).query(Long.class).single();
        return new ChurnAlerts.OpenAlerts(byRisk, overdue);
    }

    List<OpenAlert> openAlerts(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, customer_id, trigger_id FROM churn_alert WHERE customer_id IN (:ids) AND "
                + "open_key IS NOT NULL").param("ids", customerIds).query(OpenAlert.class).list();
    }

    /** Inserts the alerts and their opening transitions; answers them with their ids. */
    List<OpenedAlert> open(List<NewAlert> alerts) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        template.batchUpdate("""
                INSERT INTO churn_alert (customer_id, trigger_id, risk, recommended_action, owner, owner_role, status,
                    open_key, opened_at, due_at)
                VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)
                """, alerts, alerts.size(), (ps, a) -> {
                    ps.setString(1, a.customerId());
                    ps.setString(2, a.triggerId());
                    ps.setString(3, a.risk());
                    ps.setString(4, a.recommendedAction());
                    ps.setString(5, a.owner());
                    ps.setString(6, a.ownerRole());
                    ps.setString(7, a.openKey());
                    ps.setTimestamp(8, Timestamp.from(a.openedAt()));
                    ps.setTimestamp(9, Timestamp.from(a.dueAt()));
                });
        // The open key is unique while set, so it finds the rows just inserted on every database alike.
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        jdbc.sql("SELECT id, open_key FROM churn_alert WHERE open_key IN (:keys)")
                .param("keys", alerts.stream().map(NewAlert::openKey).toList())
                .query((rs, n) -> ids.put(rs.getString("open_key"), rs.getLong("id"))).list();
        List<OpenedAlert> opened = alerts.stream().map(a -> new OpenedAlert(ids.get(a.openKey()), a)).toList();
        addTransitions(opened.stream().map(o -> new NewTransition(o.id(), null, AlertStatus.OPEN.name(), SERVICE,
                o.alert().openedAt(), null)).toList());
        return opened;
    }

    /**
     * Ends the episodes whose trigger stopped: an OPEN or ACKNOWLEDGED alert is CLOSED, a RESOLVED one stays
     * resolved. The rows are locked first, so an acknowledgement racing with this sees the outcome.
     */
    void triggerStopped(List<Long> alertIds, Instant at) {
        if (alertIds.isEmpty()) {
            return;
        }
        List<NewTransition> closing = new ArrayList<>();
        jdbc.sql("SELECT id, status FROM churn_alert WHERE id IN (:ids) AND open_key IS NOT NULL FOR UPDATE")
                .param("ids", alertIds).query((rs, n) -> {
                    String status = rs.getString("status");
                    if (!status.equals(AlertStatus.RESOLVED.name())) {
                        closing.add(new NewTransition(rs.getLong("id"), status, AlertStatus.CLOSED.name(), SERVICE, at,
                                CLOSED_REASON));
                    }
                    return null;
                }).list();
        template.batchUpdate("""
                UPDATE churn_alert SET status = 'CLOSED', open_key = NULL, closed_at = ?, closed_reason = ?
                WHERE id = ?
                """, closing, closing.size(), (ps, t) -> {
                    ps.setTimestamp(1, Timestamp.from(at));
                    ps.setString(2, CLOSED_REASON);
                    ps.setLong(3, t.alertId());
                });
        jdbc.sql("UPDATE churn_alert SET open_key = NULL WHERE id IN (:ids) AND status = 'RESOLVED'")
                .param("ids", alertIds).update();
        addTransitions(closing);
    }

    Optional<ChurnAlert> find(long id, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE a.id = ?").param(id).query((rs, n) -> row(rs, now)).optional();
    }

    /** The alert's status, with its row locked until the transaction ends. */
    Optional<AlertStatus> lockStatus(long id) {
        return jdbc.sql("SELECT status FROM churn_alert WHERE id = ? FOR UPDATE").param(id).query(String.class)
                .optional().map(AlertStatus::valueOf);
    }

    /** Moves the alert from one status to another, recording who, when and why; false when it was not there. */
    boolean transition(long id, AlertStatus from, AlertStatus to, String actor, Instant at, String comment) {
        int changed = jdbc.sql("UPDATE churn_alert SET status = ? WHERE id = ? AND status = ?")
                .params(to.name(), id, from.name())
                .update();
        if (changed == 1) {
            addTransitions(List.of(new NewTransition(id, from.name(), to.name(), actor, at, comment)));
        }
        return changed == 1;
    }

    List<ChurnAlert.Transition> history(long id) {
        return jdbc.sql("""
                SELECT from_status, to_status, actor, occurred_at, comment_text FROM churn_alert_transition
                WHERE alert_id = ? ORDER BY id""").param(id).query((rs, n) -> new ChurnAlert.Transition(
                        rs.getString("from_status"), rs.getString("to_status"), rs.getString("actor"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("comment_text"))).list();
    }

    List<ChurnAlert> find(Filter filter, Instant now) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        where(sql, params, "a.status", filter.status());
        where(sql, params, "a.risk", filter.risk());
        where(sql, params, "a.owner", filter.owner());
        where(sql, params, "a.trigger_id", filter.triggerId());
        if (filter.overdue() != null) {
            sql.append(filter.overdue() ? " AND " : " AND NOT ")
                    .append("(a.status IN ('OPEN', 'ACKNOWLEDGED') AND a.due_at < ?)");
            params.add(Timestamp.from(now));
        }
        sql.append(" ORDER BY a.opened_at DESC, a.id DESC LIMIT ? OFFSET ?");
        params.add(filter.size());
        params.add(filter.page() * filter.size());
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs, now)).list();
    }

    /** The customer's alerts still waiting for someone (OPEN or ACKNOWLEDGED), newest first. */
    List<ChurnAlert> waitingFor(String customerId, Instant now, int limit) {
        // Reads through the index the customer foreign key gives churn_alert (MySQL and H2 both create one).
        return jdbc.sql("SELECT " + COLUMNS + """
                 WHERE a.customer_id = ? AND a.status IN ('OPEN', 'ACKNOWLEDGED')
                ORDER BY a.opened_at DESC, a.id DESC LIMIT ?""").params(customerId, limit)
                .query((rs, n) -> row(rs, now)).list();
    }

    private record NewTransition(long alertId, String from, String to, String actor, Instant at, String comment) {
    }

    private void addTransitions(List<NewTransition> transitions) {
        template.batchUpdate("""
                INSERT INTO churn_alert_transition (alert_id, from_status, to_status, actor, occurred_at, comment_text)
                VALUES (?, ?, ?, ?, ?, ?)
                """, transitions, transitions.size(), (ps, t) -> {
                    ps.setLong(1, t.alertId());
                    ps.setString(2, t.from());
                    ps.setString(3, t.to());
                    ps.setString(4, t.actor());
                    ps.setTimestamp(5, Timestamp.from(t.at()));
                    ps.setString(6, t.comment());
                });
    }

    private static ChurnAlert row(ResultSet rs, Instant now) throws SQLException {
        Instant dueAt = rs.getTimestamp("due_at").toInstant();
        AlertStatus status = AlertStatus.valueOf(rs.getString("status"));
        Timestamp closedAt = rs.getTimestamp("closed_at");
        boolean stillOpen = status.waiting();
        return new ChurnAlert(rs.getLong("id"), rs.getString("customer_id"), rs.getString("customer_name"),
                rs.getString("trigger_id"), rs.getString("risk"), rs.getString("recommended_action"),
                rs.getString("owner"), rs.getString("owner_role"), status, rs.getTimestamp("opened_at").toInstant(), dueAt,
                closedAt == null ? null : closedAt.toInstant(), rs.getString("closed_reason"),
                stillOpen && dueAt.isBefore(now), rs.getString("open_key") != null);
    }

    private static void where(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
