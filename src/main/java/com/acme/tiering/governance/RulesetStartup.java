package com.acme.tiering.governance;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.acme.tiering.TieringProperties;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.CompiledRulesets;
import com.acme.tiering.ruleset.Finding;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.ruleset.RulesDirectory;
import com.acme.tiering.ruleset.RulesetCompiler;
import com.acme.tiering.ruleset.RulesetInvalid;
import com.acme.tiering.ruleset.ShadowRuleset;

/**
 * Which rules the service starts with. The rules directory is what a team keeps in git: when its content
 * differs from the active version it becomes a new version, put in force only if it compiles and passes
 * the rule tests; otherwise the active version stays in force and the refused content is kept as
 * REJECTED with its findings (also when its tier catalog drops a tier that customers, manual overrides or
 * pending downgrades hold, with no tier that replaces it). Without any active version, broken rules stop the
 * start-up. It needs no approval (tiering.rules.require-approval): the directory is the operator's deployment,
 * reviewed where it is kept, not an upload.
 */
@Configuration(proxyBeanMethods = false)
class RulesetStartup {

    private static final Logger log = LoggerFactory.getLogger(RulesetStartup.class);
    private static final String AUTHOR = "rules directory";

    @Bean
    ActiveRuleset activeRuleset(CompiledRulesets rulesets, RulesDirectory directory, RulesetVersions versions,
            TieringProperties properties, TierRemovals removals) {
        Path rules = properties.rules().directory().toAbsolutePath().normalize();
        Optional<RulesetVersions.Version> active = versions.activeVersion();
        List<RuleFile> files = readOrNone(directory, rules, active.isPresent());
        String hash = RulesetCompiler.contentHash(files);
        if (active.isPresent() && active.get().contentHash().equals(hash)) {
            return inForce(rulesets.compiled(files), "the active version, unchanged in " + rules);
        }
        try {
            CompiledRuleset candidate = rulesets.compiled(files);
            List<Finding> unmapped = active.isEmpty() ? List.of()
                    : removals.unmapped(rulesets.compiled(versions.files(active.get().contentHash())), candidate);
            if (!unmapped.isEmpty()) {
                return keepActive(rulesets, versions, active, files, hash, unmapped, List.of());
            }
            List<Finding> failing = RuleTestGate.failures(candidate, properties.ruleTests().directory());
            if (failing.isEmpty()) {
                long id = versions.recordActive(candidate, AUTHOR, "Imported from " + rules + " at start-up");
                versions.event(id, "ACTIVATED", AUTHOR, "Imported from " + rules + " at start-up");
                return inForce(candidate, "imported from " + rules);
            }
            return keepActive(rulesets, versions, active, files, hash, List.of(), failing);
        }
        catch (RulesetInvalid invalid) {
            return keepActive(rulesets, versions, active, files, hash, invalid.findings(), List.of());
        }
    }

    /** The shadow ruleset, carried on from before a restart when one was running. */
    @Bean
    ShadowRuleset shadowRuleset(org.springframework.jdbc.core.simple.JdbcClient jdbc, RulesetVersions versions,
            CompiledRulesets rulesets) {
        ShadowRuleset shadow = new ShadowRuleset();
        jdbc.sql("SELECT ruleset_id FROM ruleset_shadow WHERE stopped_at IS NULL").query(Long.class).optional()
                .ifPresent(id -> shadow.set(new ShadowRuleset.Shadow(id, rulesets.compiled(versions.filesOf(id)))));
        return shadow;
    }

    private static ActiveRuleset keepActive(CompiledRulesets rulesets, RulesetVersions versions,
            Optional<RulesetVersions.Version> active, List<RuleFile> files, String hash, List<Finding> findings,
            List<Finding> failingTests) {
        List<Finding> why = findings.isEmpty() ? failingTests : findings;
        if (active.isEmpty()) {
            throw RulesetInvalid.because(why);
        }
        versions.recordRejected(hash, files, AUTHOR, "Refused at start-up: the active version stays in force",
                findings, failingTests);
        log.warn("The rules directory was NOT put in force; version {} stays active. Why:\n  {}",
                active.get().contentHash().substring(0, 12),
                String.join("\n  ", why.stream().map(Finding::toString).toList()));
        return inForce(rulesets.compiled(versions.files(active.get().contentHash())), "kept active from the database");
    }

    private static List<RuleFile> readOrNone(RulesDirectory directory, Path rules, boolean fallbackExists) {
        try {
            return directory.read(rules);
        }
        catch (RulesetInvalid missing) {
            if (fallbackExists) {
                return List.of();
            }
            throw missing;
        }
    }

    private static ActiveRuleset inForce(CompiledRuleset ruleset, String origin) {
        log.info("Rules in force: version {} ({} rules from {} files), {}", ruleset.shortVersion(),
                ruleset.catalog().size(), ruleset.files().size(), origin);
        return new ActiveRuleset(ruleset);
    }
}
