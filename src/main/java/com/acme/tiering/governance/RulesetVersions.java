package com.acme.tiering.governance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.Finding;
import com.acme.tiering.ruleset.RuleFile;

import tools.jackson.databind.json.JsonMapper;

/**
 * Ruleset versions kept in the database with their files and reports, so the exact rules behind any
 * decision can be found again by the version it records. Versions are never deleted.
 */
@Service
public class RulesetVersions {

    private static final String SELECT = """
            SELECT id, content_hash, status, author, comment, created_at, activated_at, validation_report, test_report,
                simulation_report
            FROM ruleset_version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    RulesetVersions(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A stored version: {@code contentHash} is the version decisions record.
     *
     * @param status where it stands; its name is the text kept in the database and sent as JSON
     * @param findings what the checks found (why a REJECTED version was refused)
     * @param failingTests the rule-test scenarios it failed, each named by file and line
     * @param simulation the latest impact preview against the rules then in force, null before the first
     */
    public record Version(long id, String contentHash, VersionStatus status, String author, String comment,
            Instant createdAt, Instant activatedAt, List<Finding> findings, List<Finding> failingTests,
            SimulationReport simulation) {
    }

    private record Row(long id, String contentHash, String status, String author, String comment, Instant createdAt,
            Instant activatedAt, String validationReport, String testReport, String simulationReport) {
    }

    private Version version(Row row) {
        return new Version(row.id(), row.contentHash(), VersionStatus.valueOf(row.status()), row.author(),
                row.comment(), row.createdAt(), row.activatedAt(), report(row.validationReport()),
                report(row.testReport()),
                row.simulationReport() == null ? null : json.readValue(row.simulationReport(), SimulationReport.class));
    }

    private List<Finding> report(String stored) {
        return stored == null ? List.of() : List.of(json.readValue(stored, Finding[].class));
    }

    /** Puts a version in force: the one before is retired. */
    @Transactional
    public long recordActive(CompiledRuleset ruleset, String author, String comment) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE ruleset_version SET status = 'RETIRED' WHERE status = 'ACTIVE'").update();
        long id = insert(ruleset.version(), VersionStatus.ACTIVE, author, comment, now, null, null);
        storeFiles(id, ruleset.files());
        return id;
    }

    /** Keeps rules that were refused, with why, once per content. */
    @Transactional
    public void recordRejected(String contentHash, List<RuleFile> files, String author, String comment,
            List<Finding> findings, List<Finding> failingTests) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM ruleset_version WHERE content_hash = ? AND status = 'REJECTED'")
                .param(contentHash).query(Long.class).single() > 0;
        if (!known) {
            record(contentHash, files, VersionStatus.REJECTED, author, comment, findings, failingTests);
        }
    }

    /** Stores a version that is not in force (DRAFT or REJECTED) with its files and reports; returns its id. */
    @Transactional
    public long record(String contentHash, List<RuleFile> files, VersionStatus status, String author, String comment,
            List<Finding> findings, List<Finding> failingTests) {
        long id = insert(contentHash, status, author, comment, null,
                findings.isEmpty() ? null : json.writeValueAsString(findings),
                failingTests.isEmpty() ? null : json.writeValueAsString(failingTests));
        storeFiles(id, files);
        return id;
    }

    void storeTestFiles(long id, List<RuleFile> tests) {
        for (RuleFile test : tests) {
            jdbc.sql("INSERT INTO ruleset_test_file (ruleset_id, file_name, content) VALUES (?, ?, ?)")
                    .params(id, test.name(), test.content()).update();
        }
    }

    public Optional<Version> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Row.class).optional().map(this::version);
    }

    /** The files of one stored version. */
    public List<RuleFile> filesOf(long id) {
        return jdbc.sql("SELECT file_name, content FROM ruleset_file WHERE ruleset_id = ? ORDER BY file_name")
                .param(id).query((rs, i) -> new RuleFile(rs.getString(1), rs.getBytes(2))).list();
    }

    /** A stored rule file without its content: which version holds it, under which digest. */
    public record StoredFile(long versionId, String name, String sha256, int sizeBytes) {
    }

    /** Every version's file of this name, newest version first, without the content: to compare it across versions. */
    public List<StoredFile> storedFiles(String fileName) {
        return jdbc.sql("""
                SELECT ruleset_id AS version_id, file_name AS name, sha256, size_bytes FROM ruleset_file WHERE file_name = ?
                ORDER BY ruleset_id DESC""").param(fileName).query(StoredFile.class).list();
    }

    /** Puts a stored version in force: the one before is retired. */
    @Transactional
    public void markActive(long id) {
        jdbc.sql("UPDATE ruleset_version SET status = 'RETIRED' WHERE status = 'ACTIVE'").update();
        jdbc.sql("UPDATE ruleset_version SET status = 'ACTIVE', activated_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), id).update();
    }

    /** Keeps who did what to a version, when and why; events are never changed or deleted. */
    public void event(long id, String action, String actor, String reason) {
        jdbc.sql("INSERT INTO ruleset_event (ruleset_id, action, actor, reason, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, action, actor, reason, Timestamp.from(clock.instant())).update();
    }

    /** @param action UPLOADED, APPROVED, PUBLISHED, ACTIVATED, ROLLED_BACK, SHADOWED, SHADOW_STOPPED */
    public record Event(String action, String actor, String reason, Instant createdAt) {
    }

    public List<Event> events(long id) {
        return jdbc.sql("SELECT action, actor, reason, created_at FROM ruleset_event WHERE ruleset_id = ? ORDER BY id")
                .param(id).query(Event.class).list();
    }

    public boolean hasSimulation(long id) {
        return find(id).map(version -> version.simulation() != null).orElse(false);
    }

    void storeSimulation(long id, Object report) {
        jdbc.sql("UPDATE ruleset_version SET simulation_report = ? WHERE id = ?")
                .params(json.writeValueAsString(report), id).update();
    }

    public Optional<Version> activeVersion() {
        return jdbc.sql(SELECT + " WHERE status = 'ACTIVE' ORDER BY id DESC LIMIT 1").query(Row.class).optional()
                .map(this::version);
    }

    /** (A list, not a stream: outside a transaction a stream that is never closed keeps its connection.) */
    public List<Version> all() {
        return jdbc.sql(SELECT + " ORDER BY id DESC").query(Row.class).list().stream().map(this::version).toList();
    }

    /** The files of the version with this content hash, as they were compiled. */
    public List<RuleFile> files(String contentHash) {
        return jdbc.sql("""
                SELECT f.file_name, f.content FROM ruleset_file f
                WHERE f.ruleset_id = (SELECT MIN(id) FROM ruleset_version WHERE content_hash = ?) ORDER BY f.file_name
                """).param(contentHash).query((rs, i) -> new RuleFile(rs.getString(1), rs.getBytes(2))).list();
    }

    private long insert(String hash, VersionStatus status, String author, String comment, Instant activatedAt,
            String validationReport, String testReport) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ruleset_version (content_hash, status, author, comment, created_at, activated_at,
                    validation_report, test_report)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(hash, status.name(), author, comment, Timestamp.from(clock.instant()),
                activatedAt == null ? null : Timestamp.from(activatedAt), validationReport, testReport)
                .update(key, "id");
        return key.getKey().longValue();
    }

    private void storeFiles(long id, List<RuleFile> files) {
        for (RuleFile file : files) {
            jdbc.sql("INSERT INTO ruleset_file (ruleset_id, file_name, sha256, size_bytes, content) VALUES (?, ?, ?, ?, ?)")
                    .params(id, file.name(), file.sha256(), file.content().length, file.content()).update();
        }
    }
}
