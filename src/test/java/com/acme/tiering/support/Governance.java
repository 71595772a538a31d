package com.acme.tiering.support;

import java.util.List;

import org.springframework.stereotype.Component;

import com.acme.tiering.governance.RulesetDrafts;
import com.acme.tiering.governance.RulesetPublication;
import com.acme.tiering.governance.RulesetSimulation;
import com.acme.tiering.governance.RulesetVersions;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.RuleFile;

/**
 * The governance of rule changes as the service's beans offer it, for tests that take a change through it:
 * drafts, simulation, approval and publication, the versions and the ruleset in force. One
 * {@code @Autowired Governance governance} instead of a field per bean; approval as {@link Approval} gives it.
 */
@Component
public class Governance {

    private final RulesetDrafts drafts;
    private final RulesetSimulation simulation;
    private final RulesetPublication publication;
    private final RulesetVersions versions;
    private final ActiveRuleset active;

    Governance(RulesetDrafts drafts, RulesetSimulation simulation, RulesetPublication publication,
            RulesetVersions versions, ActiveRuleset active) {
        this.drafts = drafts;
        this.simulation = simulation;
        this.publication = publication;
        this.versions = versions;
        this.active = active;
    }

    public RulesetDrafts drafts() {
        return drafts;
    }

    public RulesetSimulation simulation() {
        return simulation;
    }

    public RulesetPublication publication() {
        return publication;
    }

    public RulesetVersions versions() {
        return versions;
    }

    public ActiveRuleset active() {
        return active;
    }

    /** The files uploaded as a draft by the author, and simulated: the draft's id. */
    public long simulatedDraft(List<RuleFile> files, String author, String comment) {
        long id = drafts.upload(files, author, comment).id();
        simulation.simulate(id);
        return id;
    }

    /** See {@link Approval#approveAndPublish}. */
    public RulesetVersions.Version approveAndPublish(long versionId, String author, String reason) {
        return Approval.approveAndPublish(publication, versionId, author, reason);
    }

    /** See {@link Approval#uploadAndPublish}. */
    public RulesetVersions.Version uploadAndPublish(List<RuleFile> files, List<RuleFile> tests, String author) {
        return Approval.uploadAndPublish(drafts, simulation, publication, files, tests, author);
    }

    /**
     * Puts the rules the context started with (its first version) back in force, for the test classes that share
     * the context after one that published other rules; returns whether anything had to change.
     */
    public boolean firstVersionBackInForce(String actor) {
        RulesetVersions.Version first = versions.all().stream()
                .min(java.util.Comparator.comparingLong(RulesetVersions.Version::id)).orElseThrow();
        if (versions.activeVersion().map(v -> v.id() == first.id()).orElse(false)) {
            return false;
        }
        publication.activate(first.id(), actor, "the shipped rules back in force for the next test class");
        return true;
    }
}
