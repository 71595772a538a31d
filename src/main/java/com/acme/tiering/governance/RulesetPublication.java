package com.acme.tiering.governance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.acme.tiering.TieringProperties;
import com.acme.tiering.audit.AuditLog;
import com.acme.tiering.decision.Rollback;
import com.acme.tiering.decision.Rollbacks;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.CompiledRulesets;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.ruleset.RulesetActivated;

/**
 * Putting a version in force. A draft is published only with a clean validation, passing rule tests and
 * a simulation (and, when required, a second person's approval); any version that was in force before can
 * be activated again. The compiled ruleset is swapped whole: evaluations in flight finish on the old one.
 * Every step is kept as an event with who, when and why; putting a version in force raises {@link RulesetActivated}
 * (the run room starts the ACTIVATION run on it).
 */
@Service
public class RulesetPublication {

    private static final Logger log = LoggerFactory.getLogger(RulesetPublication.class);

    private final RulesetVersions versions;
    private final CompiledRulesets rulesets;
    private final ActiveRuleset active;
    private final ApplicationEventPublisher events;
    private final TieringProperties.Rules settings;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Rollbacks rollbacks;
    private final Clock clock;
    private final TierRemovals removals;

    RulesetPublication(RulesetVersions versions, CompiledRulesets rulesets, ActiveRuleset active,
            ApplicationEventPublisher events, TieringProperties properties, TransactionTemplate transactions, AuditLog audit, Rollbacks rollbacks,
            Clock clock, TierRemovals removals) {
        this.versions = versions;
        this.removals = removals;
        this.rollbacks = rollbacks;
        this.clock = clock;
        this.transactions = transactions;
        this.audit = audit;
        this.rulesets = rulesets;
        this.active = active;
        this.events = events;
        this.settings = properties.rules();
    }

    public RulesetVersions.Version approve(long id, String approver, String reason) {
        RulesetVersions.Version version = draft(id);
        if (version.author().equals(approver)) {
            throw new PublicationRefused(id, List.of("its author cannot approve it: a second person must"));
        }
        transactions.executeWithoutResult(tx -> {
            versions.event(id, "APPROVED", approver, reason);
            audit.record("RULESET_APPROVED", "ruleset", String.valueOf(id), null, AuditedVersion.of(version, reason));
        });
        return version;
    }

    public RulesetVersions.Version publish(long id, String actor, String reason) {
        RulesetVersions.Version version = draft(id);
        List<String> missing = new ArrayList<>();
        if (!version.findings().isEmpty()) {
            missing.add("its validation has " + version.findings().size() + " finding(s)");
        }
        if (!version.failingTests().isEmpty()) {
            missing.add(version.failingTests().size() + " rule-test scenario(s) fail");
        }
        if (!versions.hasSimulation(id)) {
            missing.add("it has not been simulated");
        }
        // checked again: since the upload, customers may have moved into a tier the draft drops, or overrides named it
        missing.addAll(removals.unmappedReasons(active.current(), rulesets.compiled(versions.filesOf(id))));
        boolean approvalNeeded = settings.requireApproval() || changesDrl(id);
        if (approvalNeeded && versions.events(id).stream()
                .noneMatch(e -> e.action().equals("APPROVED") && !e.actor().equals(version.author()))) {
            missing.add("it needs the approval of a second person: nobody but its author, " + version.author()
                    + ", has approved it" + (settings.requireApproval() ? "" : " (it changes DRL, which is code)"));
        }
        if (!missing.isEmpty()) {
            throw new PublicationRefused(id, missing);
        }
        return putInForce(version, actor, reason, "PUBLISHED");
    }

    /** DRL is code: a version whose DRL differs from the rules in force always needs a second person. */
    private boolean changesDrl(long id) {
        java.util.Map<String, String> inForce = new java.util.HashMap<>();
        active.current().files().stream().filter(f -> f.kind() == RuleFile.Kind.DRL)
                .forEach(f -> inForce.put(f.name(), f.sha256()));
        java.util.Map<String, String> proposed = new java.util.HashMap<>();
        versions.filesOf(id).stream().filter(f -> f.kind() == RuleFile.Kind.DRL)
                .forEach(f -> proposed.put(f.name(), f.sha256()));
        return !inForce.equals(proposed);
    }

    /** Puts a version that was in force before back in force, e.g. to roll back. */
    public RulesetVersions.Version activate(long id, String actor, String reason) {
        RulesetVersions.Version version = versions.find(id).orElseThrow(() -> VersionNotSimulable.unknown(id));
        if (version.status() != VersionStatus.RETIRED && version.status() != VersionStatus.ACTIVE) {
            throw new PublicationRefused(id, List.of("only a version that was published before can be activated; "
                    + "this one is " + version.status()));
        }
        List<String> refused = version.status() == VersionStatus.ACTIVE ? List.of()
                : removals.rollbackRefusals(rulesets.compiled(versions.filesOf(id)), id);
        if (!refused.isEmpty()) {
            throw new PublicationRefused(id, refused);
        }
        return putInForce(version, actor, reason, "ACTIVATED");
    }

    private RulesetVersions.Version draft(long id) {
        RulesetVersions.Version version = versions.find(id).orElseThrow(() -> VersionNotSimulable.unknown(id));
        if (version.status() != VersionStatus.DRAFT) {
            throw new PublicationRefused(id, List.of("it is " + version.status() + ", not a DRAFT"));
        }
        return version;
    }

    private RulesetVersions.Version putInForce(RulesetVersions.Version version, String actor, String reason,
            String action) {
        CompiledRuleset compiled = rulesets.compiled(versions.filesOf(version.id()));
        Optional<RulesetVersions.Version> replaced = recordInForce(version, actor, reason, action);
        CompiledRuleset previous = active.activate(compiled);
        log.info("Ruleset version {} ({}) {} by {}, replacing {}", version.id(), compiled.shortVersion(),
                action.toLowerCase(java.util.Locale.ROOT), actor, previous.shortVersion());
        events.publishEvent(new RulesetActivated(version.id(), compiled.version(),
                replaced.map(RulesetVersions.Version::id).orElse(null), previous.version(), action, actor));
        return versions.find(version.id()).orElseThrow();
    }

    /**
     * The version's status, its event and the audit entry (the version in force before and after) are written
     * together; the compiled rules are swapped only once they are. Returns the version that was in force.
     */
    private Optional<RulesetVersions.Version> recordInForce(RulesetVersions.Version version, String actor,
            String reason, String action) {
        return transactions.execute(tx -> {
            Optional<RulesetVersions.Version> inForce = versions.activeVersion();
            AuditedVersion before = AuditedVersion.of(inForce.orElse(null), null);
            rollingBack(version, inForce).ifPresent(rollback -> {
                rollbacks.record(rollback, actor, clock.instant());
                versions.event(rollback.rolledBackId(), "ROLLED_BACK", actor, "by activating version " + version.id()
                        + (reason == null ? "" : ": " + reason));
            });
            versions.markActive(version.id());
            versions.event(version.id(), action, actor, reason);
            audit.record("RULESET_" + action, "ruleset", String.valueOf(version.id()), before,
                    AuditedVersion.of(versions.find(version.id()).orElseThrow(), reason));
            return inForce;
        });
    }

    /**
     * Putting a version that was in force before back in force, while another version is, rolls that one back:
     * the decisions it made are restored where the customers' facts are unchanged (docs/publishing.md).
     */
    static Optional<Rollback> rollingBack(RulesetVersions.Version target, Optional<RulesetVersions.Version> inForce) {
        return inForce.filter(current -> target.status() == VersionStatus.RETIRED
                && !current.contentHash().equals(target.contentHash()))
                .map(current -> new Rollback(current.id(), current.contentHash(), target.id(), target.contentHash()));
    }
}
