package com.acme.tiering.decision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ChurnAlertStore {

    private static final String STILL_OPEN = "open_key IS NOT NULL";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ChurnAlertStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    record OpenAlert(long id, String customerId, String triggerId) {
    }

    record NewAlert(String customerId, String triggerId, String risk, String recommendedAction, String owner,
            Instant openedAt, Instant dueAt) {
    }

    record Filter(String status, String risk, String owner, String triggerId, int page, int size) {
    }

    List<OpenAlert> openAlerts(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, customer_id, trigger_id FROM churn_alert WHERE customer_id IN (:ids) AND "
                + STILL_OPEN).param("ids", customerIds).query(OpenAlert.class).list();
    }

    void open(List<NewAlert> alerts) {
        template.batchUpdate("""
                INSERT INTO churn_alert (customer_id, trigger_id, risk, recommended_action, owner, status, open_key,
                    opened_at, due_at)
                VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)
                """, alerts, alerts.size(), (ps, a) -> {
                    ps.setString(1, a.customerId());
                    ps.setString(2, a.triggerId());
                    ps.setString(3, a.risk());
                    ps.setString(4, a.recommendedAction());
                    ps.setString(5, a.owner());
                    ps.setString(6, a.customerId() + "|" + a.triggerId());
                    ps.setTimestamp(7, Timestamp.from(a.openedAt()));
                    ps.setTimestamp(8, Timestamp.from(a.dueAt()));
                });
    }

    void closeBecauseTriggerStopped(List<Long> alertIds, Instant at) {
        template.batchUpdate("""
                UPDATE churn_alert SET status = 'CLOSED', open_key = NULL, closed_at = ?,
                    closed_reason = 'Closed automatically: the trigger no longer fires'
                WHERE id = ?
                """, alertIds, alertIds.size(), (ps, id) -> {
                    ps.setTimestamp(1, Timestamp.from(at));
                    ps.setLong(2, id);
                });
    }

    List<ChurnAlert> find(Filter filter, Instant now) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, customer_id, trigger_id, risk, recommended_action, owner, status, opened_at, due_at,
                    closed_at, closed_reason
                FROM churn_alert WHERE 1 = 1""");
        List<Object> params = new ArrayList<>();
        where(sql, params, "status", filter.status());
        where(sql, params, "risk", filter.risk());
        where(sql, params, "owner", filter.owner());
        where(sql, params, "trigger_id", filter.triggerId());
        sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
        params.add(filter.size());
        params.add(filter.page() * filter.size());
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            Instant dueAt = rs.getTimestamp("due_at").toInstant();
            String status = rs.getString("status");
            Timestamp closedAt = rs.getTimestamp("closed_at");
            boolean stillOpen = status.equals("OPEN") || status.equals("ACKNOWLEDGED");
            return new ChurnAlert(rs.getLong("id"), rs.getString("customer_id"), rs.getString("trigger_id"),
                    rs.getString("risk"), rs.getString("recommended_action"), rs.getString("owner"), status,
                    rs.getTimestamp("opened_at").toInstant(), dueAt, closedAt == null ? null : closedAt.toInstant(),
                    rs.getString("closed_reason"), stillOpen && dueAt.isBefore(now));
        }).list();
    }

    private static void where(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
