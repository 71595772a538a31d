package com.acme.tiering.override;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.acme.tiering.evaluation.TierOverride;

/**
 * Manual overrides, never deleted. An override is in force from the moment it is stored until it is
 * ended; one past its expiry that the expiry sweep has not ended yet is not in force either.
 */
@Repository
class ManualOverrideStore implements OverridesInForce {

    private static final String COLUMNS = """
            id, customer_id, tier, kind, reason, expires_at, set_by, set_at, ended_at, ended_by, end_reason""";

    private final JdbcClient jdbc;

    ManualOverrideStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, TierOverride> inForce(Collection<String> customerIds, Instant now) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM manual_override WHERE active_key IN (:ids) AND expires_at > :now")
                .param("ids", customerIds).param("now", Timestamp.from(now)).query(ManualOverrideStore::row).list()
                .stream() // a list, not the query's stream, which would hold its connection until closed
                .collect(Collectors.toMap(ManualOverride::customerId, ManualOverride::toTierOverride));
    }

    @Override
    public Map<String, TierOverride> allInForce(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM manual_override WHERE active_key IS NOT NULL AND expires_at > ?")
                .param(Timestamp.from(now)).query(ManualOverrideStore::row).list().stream()
                .collect(Collectors.toMap(ManualOverride::customerId, ManualOverride::toTierOverride,
                        (a, b) -> a, java.util.TreeMap::new));
    }

    Optional<TierOverride> inForce(String customerId, Instant now) {
        return Optional.ofNullable(inForce(List.of(customerId), now).get(customerId));
    }

    /** The override not yet ended, even if past its expiry: what setting or ending a new one replaces. */
    Optional<ManualOverride> notEnded(String customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM manual_override WHERE active_key = ?").param(customerId)
                .query(ManualOverrideStore::row).optional();
    }

    Optional<ManualOverride> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM manual_override WHERE id = ?").param(id)
                .query(ManualOverrideStore::row).optional();
    }

    long insert(String customerId, String tier, TierOverride.Kind kind, String reason, Instant expiresAt,
            String setBy, Instant setAt) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO manual_override (customer_id, tier, kind, reason, expires_at, set_by, set_at, active_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(customerId, tier, kind.name(), reason, Timestamp.from(expiresAt), setBy,
                Timestamp.from(setAt), customerId).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Ends an override still in force; false when another request ended it first. */
    boolean end(long id, Instant at, String by, String reason) {
        return jdbc.sql("""
                UPDATE manual_override SET active_key = NULL, ended_at = ?, ended_by = ?, end_reason = ?
                WHERE id = ? AND active_key IS NOT NULL
                """).params(Timestamp.from(at), by, reason, id).update() == 1;
    }

    /** Overrides whose expiry has passed but which are still marked in force, oldest expiry first. */
    List<ManualOverride> expired(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM manual_override WHERE active_key IS NOT NULL AND expires_at <= ?
                ORDER BY expires_at LIMIT ?""").params(Timestamp.from(now), limit).query(ManualOverrideStore::row)
                .list();
    }

    /** Every override the customer ever had, newest first. */
    List<ManualOverride> history(String customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM manual_override WHERE customer_id = ? ORDER BY id DESC")
                .param(customerId).query(ManualOverrideStore::row).list();
    }

    private static ManualOverride row(ResultSet rs, int rowNumber) throws SQLException {
        Timestamp endedAt = rs.getTimestamp("ended_at");
        return new ManualOverride(rs.getLong("id"), rs.getString("customer_id"), rs.getString("tier"),
                TierOverride.Kind.valueOf(rs.getString("kind")), rs.getString("reason"),
                rs.getTimestamp("expires_at").toInstant(), rs.getString("set_by"), rs.getTimestamp("set_at").toInstant(),
                endedAt == null ? null : endedAt.toInstant(), rs.getString("ended_by"), rs.getString("end_reason"));
    }
}
