package com.acme.tiering.ruleset;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ruleset versions kept in the database with their files, so the exact rules behind any decision can be
 * found again by the version it records. The rules the service starts with become the active version.
 */
@Service
public class RulesetVersions {

    private static final Logger log = LoggerFactory.getLogger(RulesetVersions.class);

    private final JdbcClient jdbc;
    private final ActiveRuleset active;
    private final Clock clock;

    RulesetVersions(JdbcClient jdbc, ActiveRuleset active, Clock clock) {
        this.jdbc = jdbc;
        this.active = active;
        this.clock = clock;
    }

    /** A stored version: {@code contentHash} is the version decisions record. */
    public record Version(long id, String contentHash, String status, String author, String comment,
            Instant createdAt, Instant activatedAt) {
    }

    @Order(0)
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void recordActiveRuleset() {
        CompiledRuleset ruleset = active.current();
        Optional<Version> current = activeVersion();
        if (current.isPresent() && current.get().contentHash().equals(ruleset.version())) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE ruleset_version SET status = 'RETIRED' WHERE status = 'ACTIVE'").update();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ruleset_version (content_hash, status, author, comment, created_at, activated_at)
                VALUES (?, 'ACTIVE', 'rules directory', 'Loaded from the rules directory at start-up', ?, ?)
                """).params(ruleset.version(), Timestamp.from(now), Timestamp.from(now)).update(key, "id");
        long id = key.getKey().longValue();
        for (RuleFile file : ruleset.files()) {
            jdbc.sql("""
                    INSERT INTO ruleset_file (ruleset_id, file_name, sha256, size_bytes, content) VALUES (?, ?, ?, ?, ?)
                    """).params(id, file.name(), file.sha256(), file.content().length, file.content()).update();
        }
        log.info("Ruleset version {} ({}) recorded as active", id, ruleset.shortVersion());
    }

    public Optional<Version> activeVersion() {
        return jdbc.sql(SELECT + " WHERE status = 'ACTIVE' ORDER BY id DESC LIMIT 1").query(Version.class).optional();
    }

    public List<Version> all() {
        return jdbc.sql(SELECT + " ORDER BY id DESC").query(Version.class).list();
    }

    /** The files of the version with this content hash, as they were compiled. */
    public List<RuleFile> files(String contentHash) {
        return jdbc.sql("""
                SELECT f.file_name, f.content FROM ruleset_file f JOIN ruleset_version v ON v.id = f.ruleset_id
                WHERE v.id = (SELECT MIN(id) FROM ruleset_version WHERE content_hash = ?) ORDER BY f.file_name
                """).param(contentHash).query((rs, i) -> new RuleFile(rs.getString(1), rs.getBytes(2))).list();
    }

    private static final String SELECT = """
            SELECT id, content_hash, status, author, comment, created_at, activated_at FROM ruleset_version""";
}
