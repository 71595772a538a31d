package com.acme.tiering.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * API keys for systems: 32 random bytes, shown once, stored as a SHA-256 hash (a key has 256 bits of
 * entropy, so a fast hash is enough and lets a lookup find it by index). Recognised keys are remembered
 * for a few seconds so that lookups under load do not query the database for each request; a revocation
 * takes effect within that time.
 */
@Service
public class ApiKeys {

    static final Duration REMEMBERED = Duration.ofSeconds(5);
    private static final String PREFIX = "tk_";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final com.acme.tiering.audit.AuditLog audit;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

    ApiKeys(JdbcClient jdbc, Clock clock, com.acme.tiering.audit.AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** A key as listed: never the key itself. */
    public record ApiKey(long id, String name, String role, String keyPrefix, String createdBy, Instant createdAt,
            String revokedBy, Instant revokedAt) {
    }

    /** A new key with its secret, which is not stored and cannot be shown again. */
    public record CreatedKey(ApiKey key, String secret) {
    }

    /** Who a recognised key is. */
    public record KeyHolder(long id, String name, String role) {
    }

    private record Remembered(Optional<KeyHolder> holder, Instant until) {
    }

    @org.springframework.transaction.annotation.Transactional
    public CreatedKey create(String name, String role, String by) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = store(name, role, secret, by);
        audit.record("API_KEY_CREATED", "api_key", String.valueOf(key.id()), null, key, 201);
        return new CreatedKey(key, secret);
    }

    /** Stores a given key; the embedded default's demo key is the only caller besides {@link #create}. */
    ApiKey store(String name, String role, String secret, String by) {
        if (!Roles.KEY_ROLES.contains(role)) {
            throw new IllegalArgumentException("An API key's role is one of " + Roles.KEY_ROLES);
        }
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        jdbc.sql("""
                INSERT INTO api_key (name, role, key_prefix, key_hash, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(name, role, secret.substring(0, Math.min(10, secret.length())), hash(secret), by,
                Timestamp.from(now)).update(id, "id");
        return find(id.getKey().longValue()).orElseThrow();
    }

    /** @return false when there is no such key in force */
    @org.springframework.transaction.annotation.Transactional
    public boolean revoke(long id, String by) {
        Optional<ApiKey> before = find(id);
        boolean revoked = jdbc.sql("UPDATE api_key SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(by, Timestamp.from(clock.instant()), id).update() == 1;
        recent.clear();
        if (revoked) {
            audit.record("API_KEY_REVOKED", "api_key", String.valueOf(id), before.orElse(null), find(id).orElse(null),
                    204);
        }
        return revoked;
    }

    public List<ApiKey> list() {
        return jdbc.sql("SELECT * FROM api_key ORDER BY id").query(ApiKeys::row).list();
    }

    public Optional<ApiKey> find(long id) {
        return jdbc.sql("SELECT * FROM api_key WHERE id = ?").param(id).query(ApiKeys::row).optional();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single();
    }

    /** The holder of a key in force, if the key is one. */
    public Optional<KeyHolder> holder(String secret) {
        if (secret == null || secret.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(secret);
        Instant now = clock.instant();
        Remembered remembered = recent.get(hash);
        if (remembered != null && remembered.until().isAfter(now)) {
            return remembered.holder();
        }
        Optional<KeyHolder> holder = jdbc.sql("SELECT id, name, role FROM api_key WHERE key_hash = ? AND revoked_at IS NULL")
                .param(hash).query(KeyHolder.class).optional();
        if (recent.size() > 10_000) {
            recent.clear();
        }
        recent.put(hash, new Remembered(holder, now.plus(REMEMBERED)));
        return holder;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static ApiKey row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("role"), rs.getString("key_prefix"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("revoked_by"),
                revokedAt == null ? null : revokedAt.toInstant());
    }
}
