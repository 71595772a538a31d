package com.acme.tiering.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRulesets;
import com.acme.tiering.ruleset.RulesetActivated;
import com.acme.tiering.support.Approval;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestProfiles;

/**
 * A version on its way from upload through simulation to publication is compiled once, and putting it in force
 * (or an earlier one back) raises RulesetActivated, naming the version it replaced.
 */
@ServiceTest
@ActiveProfiles(TestProfiles.NO_RUN_AFTER_ACTIVATION)
@RecordApplicationEvents
class VersionLifecycleEventsTests {

    @Autowired
    RulesetDrafts drafts;

    @Autowired
    RulesetSimulation simulation;

    @Autowired
    RulesetPublication publication;

    @Autowired
    RulesetVersions versions;

    @Autowired
    ActiveRuleset active;

    @Autowired
    CompiledRulesets rulesets;

    @Autowired
    ApplicationEvents events;

    /** The version in force before each test, put back after it: the governance tests share this context. */
    private RulesetVersions.Version inForceBefore;

    @BeforeEach
    void versionInForce() {
        inForceBefore = versions.activeVersion().orElseThrow();
    }

    @AfterEach
    void versionInForceBack() {
        if (versions.activeVersion().orElseThrow().id() != inForceBefore.id()) {
            publication.activate(inForceBefore.id(), "ops", "the version in force before the test back");
        }
    }

    @Test
    void aNewVersionCompilesOnceFromUploadThroughSimulationToPublication() {
        long before = rulesets.compilations();
        // content no other test has compiled in this shared service: a new entry
        RulesetVersions.Version draft = drafts.upload(List.of(GovernanceFixtures.rewordedDescription(active,
                "Strategic: the top 70% (" + UUID.randomUUID() + ")")), "ops", "new wording");
        simulation.simulate(draft.id());
        simulation.eachCustomer(draft.id(), customer -> { });
        Approval.approveAndPublish(publication, draft.id(), "ops", "wording agreed");

        assertThat(active.current().version()).isEqualTo(draft.contentHash());
        assertThat(rulesets.compilations() - before).isEqualTo(1);
    }

    @Test
    void puttingAVersionInForceRaisesRulesetActivatedWithTheVersionItReplaced() {
        RulesetVersions.Version previous = versions.activeVersion().orElseThrow();
        RulesetVersions.Version draft = drafts.upload(List.of(GovernanceFixtures.rewordedDescription(active,
                "Strategic: the top 70% (" + UUID.randomUUID() + ")")), "ops", "new wording");
        simulation.simulate(draft.id());
        assertThat(events.stream(RulesetActivated.class)).isEmpty();

        Approval.approveAndPublish(publication, draft.id(), "ops", "wording agreed");
        publication.activate(previous.id(), "ops", "back");

        assertThat(events.stream(RulesetActivated.class)).containsExactly(
                new RulesetActivated(draft.id(), draft.contentHash(), previous.id(), previous.contentHash(),
                        "PUBLISHED", "ops"),
                new RulesetActivated(previous.id(), previous.contentHash(), draft.id(), draft.contentHash(),
                        "ACTIVATED", "ops"));
        assertThat(active.current().version()).isEqualTo(previous.contentHash());
    }
}
