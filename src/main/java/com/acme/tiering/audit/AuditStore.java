package com.acme.tiering.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit_log table: inserts and reads, nothing else. Times are written and read as UTC wall-clock
 * values, whatever the JVM's or the database session's time zone.
 */
@Repository
class AuditStore {

    private static final String COLUMNS = """
            id, at, actor, roles, remote_address, action, target_type, target_id, http_method, http_path, outcome,
            before_json, after_json, request_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record NewEntry(Instant at, Origin origin, String action, String targetType, String targetId, Integer outcome,
            String before, String after) {
    }

    void insert(NewEntry entry) {
        Origin origin = entry.origin();
        jdbc.sql("""
                INSERT INTO audit_log (at, actor, roles, remote_address, action, target_type, target_id, http_method,
                    http_path, outcome, before_json, after_json, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(utc(entry.at()), cut(origin.actor(), 100), cut(origin.roles(), 200),
                cut(origin.remoteAddress(), 64), cut(entry.action(), 40), cut(entry.targetType(), 40),
                cut(entry.targetId(), 128), cut(origin.method(), 10), cut(origin.path(), 500), entry.outcome(),
                entry.before(), entry.after(), cut(origin.requestId(), 64)).update();
    }

    AuditPage find(AuditQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_log" + where).params(params).query(Long.class).single();
        params.put("limit", query.size());
        params.put("offset", (long) query.page() * query.size());
        List<AuditEntry> entries = jdbc.sql("SELECT " + COLUMNS + " FROM audit_log" + where
                + " ORDER BY id DESC LIMIT :limit OFFSET :offset").params(params).query(this::entry).list();
        return new AuditPage(query.page(), query.size(), total, entries);
    }

    private static String where(AuditQuery query, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        condition(where, params, "at >= :from", "from", query.from() == null ? null : utc(query.from()));
        condition(where, params, "at < :to", "to", query.to() == null ? null : utc(query.to()));
        condition(where, params, "actor = :actor", "actor", query.actor());
        condition(where, params, "action = :action", "action", query.action());
        condition(where, params, "target_type = :targetType", "targetType", query.targetType());
        condition(where, params, "target_id = :targetId", "targetId", query.targetId());
        return where.toString();
    }

    private static void condition(StringBuilder where, Map<String, Object> params, String sql, String name,
            Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            params.put(name, value);
        }
    }

    private AuditEntry entry(ResultSet rs, int row) throws SQLException {
        int status = rs.getInt("outcome");
        Integer outcome = rs.wasNull() ? null : status;
        return new AuditEntry(rs.getLong("id"), rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getString("actor"), rs.getString("roles"), rs.getString("remote_address"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("http_method"),
                rs.getString("http_path"), outcome, tree(rs.getString("before_json")),
                tree(rs.getString("after_json")), rs.getString("request_id"));
    }

    private JsonNode tree(String stored) {
        return stored == null ? null : json.readTree(stored);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
