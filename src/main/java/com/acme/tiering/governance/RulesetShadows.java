package com.acme.tiering.governance;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.acme.tiering.audit.AuditLog;
import com.acme.tiering.decision.ShadowDifferences;
import com.acme.tiering.ruleset.CompiledRulesets;
import com.acme.tiering.ruleset.ShadowRuleset;

/**
 * A new standard run beside the old one: while a validated draft is the shadow, every evaluation run also
 * evaluates it and keeps where it would decide differently. One shadow at a time.
 */
@Service
public class RulesetShadows {

    private final JdbcClient jdbc;
    private final RulesetVersions versions;
    private final CompiledRulesets rulesets;
    private final ShadowRuleset shadow;
    private final ShadowDifferences differences;
    private final Clock clock;
    private final AuditLog audit;

    RulesetShadows(JdbcClient jdbc, RulesetVersions versions, CompiledRulesets rulesets, ShadowRuleset shadow,
            ShadowDifferences differences, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.versions = versions;
        this.rulesets = rulesets;
        this.shadow = shadow;
        this.differences = differences;
        this.clock = clock;
    }

    /** Makes a DRAFT without findings the shadow, replacing any other. */
    @Transactional
    public void start(long id, String actor) {
        RulesetVersions.Version version = versions.find(id).orElseThrow(() -> VersionNotSimulable.unknown(id));
        if (version.status() != VersionStatus.DRAFT || !version.findings().isEmpty()) {
            throw new PublicationRefused(id, List.of("only a DRAFT without findings can run in the shadow; this one is "
                    + version.status()));
        }
        ShadowRuleset.Shadow compiled = new ShadowRuleset.Shadow(id, rulesets.compiled(versions.filesOf(id)));
        AuditedVersion before = runningShadow().flatMap(versions::find).map(v -> AuditedVersion.of(v, null))
                .orElse(null);
        jdbc.sql("UPDATE ruleset_shadow SET stopped_at = ? WHERE stopped_at IS NULL")
                .param(Timestamp.from(clock.instant())).update();
        jdbc.sql("DELETE FROM ruleset_shadow WHERE ruleset_id = ?").param(id).update();
        jdbc.sql("INSERT INTO ruleset_shadow (ruleset_id, started_by, started_at) VALUES (?, ?, ?)")
                .params(id, actor, Timestamp.from(clock.instant())).update();
        versions.event(id, "SHADOWED", actor, "runs beside the rules in force");
        audit.record("SHADOW_STARTED", "ruleset", String.valueOf(id), before, AuditedVersion.of(version, null), 204);
        shadow.set(compiled);
    }

    @Transactional
    public void stop(long id, String actor) {
        versions.find(id).orElseThrow(() -> VersionNotSimulable.unknown(id));
        boolean running = jdbc.sql("UPDATE ruleset_shadow SET stopped_at = ? WHERE ruleset_id = ? AND stopped_at IS NULL")
                .params(Timestamp.from(clock.instant()), id).update() > 0;
        shadow.current().filter(s -> s.versionId() == id).ifPresent(s -> shadow.clear());
        versions.event(id, "SHADOW_STOPPED", actor, null);
        audit.record("SHADOW_STOPPED", "ruleset", String.valueOf(id),
                running ? versions.find(id).map(v -> AuditedVersion.of(v, null)).orElse(null) : null, null, 204);
    }

    private java.util.Optional<Long> runningShadow() {
        return jdbc.sql("SELECT ruleset_id FROM ruleset_shadow WHERE stopped_at IS NULL").query(Long.class).list().stream()
                .findFirst();
    }

    public List<ShadowDifferences.Difference> differences(long id, int page, int size) {
        versions.find(id).orElseThrow(() -> VersionNotSimulable.unknown(id));
        return differences.of(id, page, size);
    }
}
