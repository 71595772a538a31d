package com.acme.tiering.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Users that administrators create and disable through the API; passwords stored as bcrypt hashes. */
@Service
public class AppUsers {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final com.acme.tiering.audit.AuditLog audit;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    AppUsers(JdbcClient jdbc, Clock clock, com.acme.tiering.audit.AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** A user as listed: never the password. */
    public record AppUser(String name, List<String> roles, String createdBy, Instant createdAt, String disabledBy,
            Instant disabledAt) {
    }

    /** @return false when the name is taken */
    @org.springframework.transaction.annotation.Transactional
    public boolean create(String name, String password, List<String> roles, String by) {
        if (find(name).isPresent()) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO app_user (name, password_hash, roles, created_by, created_at) VALUES (?, ?, ?, ?, ?)
                """).params(name, encoder.encode(password), String.join(",", roles), by,
                Timestamp.from(clock.instant())).update();
        audit.record("USER_CREATED", "user", name, null, find(name).orElseThrow(), 201);
        return true;
    }

    /** @return false when there is no such user in force */
    @org.springframework.transaction.annotation.Transactional
    public boolean disable(String name, String by) {
        Optional<AppUser> before = find(name);
        boolean disabled = jdbc.sql("UPDATE app_user SET disabled_by = ?, disabled_at = ? WHERE name = ? AND disabled_at IS NULL")
                .params(by, Timestamp.from(clock.instant()), name).update() == 1;
        if (disabled) {
            audit.record("USER_DISABLED", "user", name, before.orElse(null), find(name).orElse(null), 204);
        }
        return disabled;
    }

    public List<AppUser> list() {
        return jdbc.sql("SELECT * FROM app_user ORDER BY name").query(AppUsers::row).list();
    }

    public Optional<AppUser> find(String name) {
        return jdbc.sql("SELECT * FROM app_user WHERE name = ?").param(name).query(AppUsers::row).optional();
    }

    /** The user as Spring Security signs it in, if it exists and is not disabled. */
    Optional<UserDetails> details(String name) {
        return jdbc.sql("SELECT name, password_hash, roles FROM app_user WHERE name = ? AND disabled_at IS NULL")
                .param(name).query((rs, row) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .roles(rs.getString(3).split(",")).build()).optional();
    }

    private static AppUser row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp disabledAt = rs.getTimestamp("disabled_at");
        return new AppUser(rs.getString("name"), Arrays.asList(rs.getString("roles").split(",")),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("disabled_by"),
                disabledAt == null ? null : disabledAt.toInstant());
    }
}
