package com.acme.tiering.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.acme.tiering.support.Governance;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestProfiles;

/** Publishing needs clean checks, passing tests and a simulation; any earlier version can come back. */
@ServiceTest
@ActiveProfiles(TestProfiles.NO_RUN_AFTER_ACTIVATION)
class RulesetPublicationTests {

    @Autowired
    Governance governance;

    @Autowired
    JdbcTemplate jdbc;

    private String original;

    @BeforeEach
    void evaluatedCustomers() throws InterruptedException {
        original = governance.active().current().version();
        governance.threeCustomersEvaluated();
    }

    @Test
    void aDraftWithFailingTestsAndNoSimulationIsNotPublished() throws IOException {
        long id = governance.drafts().upload(
                List.of(GovernanceFixtures.strategicThreshold(governance.active(), 0.5)), "ops", "top half").id();

        assertThatThrownBy(() -> governance.publication().publish(id, "ops", "go")).isInstanceOfSatisfying(
                PublicationRefused.class, refused -> assertThat(refused.reasons())
                        .anyMatch(r -> r.contains("rule-test scenario(s) fail"))
                        .anyMatch(r -> r.contains("has not been simulated")));
        assertThat(governance.active().current().version()).isEqualTo(original);
    }

    @Test
    void aCleanSimulatedDraftIsPublishedAndTheOldVersionCanBeActivatedAgain() throws IOException {
        RulesetVersions.Version previous = governance.versions().activeVersion().orElseThrow();
        RulesetVersions.Version draft = governance.drafts().upload(
                List.of(GovernanceFixtures.rewordedDescription(governance.active(),
                        "Strategic: the top 70%, buying monthly")), "ops", "clearer wording");
        governance.simulation().simulate(draft.id());

        governance.approveAndPublish(draft.id(), "ops", "wording agreed with sales");

        assertThat(governance.active().current().version()).isEqualTo(draft.contentHash());
        assertThat(governance.versions().find(draft.id()).orElseThrow().status()).isEqualTo(VersionStatus.ACTIVE);
        assertThat(governance.versions().find(previous.id()).orElseThrow().status()).isEqualTo(VersionStatus.RETIRED);
        assertThat(governance.versions().events(draft.id())).extracting(e -> e.action() + " by " + e.actor())
                .containsExactly("UPLOADED by ops", "APPROVED by reviewer", "PUBLISHED by ops");

        governance.publication().activate(previous.id(), "ops", "roll back to compare");

        assertThat(governance.active().current().version()).isEqualTo(previous.contentHash());
        assertThat(governance.versions().find(previous.id()).orElseThrow().status()).isEqualTo(VersionStatus.ACTIVE);
        assertThat(governance.versions().events(previous.id())).extracting(RulesetVersions.Event::reason)
                .contains("roll back to compare");
        assertThat(governance.versions().events(draft.id())).last().satisfies(e -> assertThat(e.action() + " by "
                + e.actor() + ", " + e.reason()).isEqualTo("ROLLED_BACK by ops, by activating version " + previous.id() + ": roll back to compare"));
    }

    @Test
    void onlyPublishedVersionsCanBeActivated() throws IOException {
        long id = governance.drafts().upload(
                List.of(GovernanceFixtures.rewordedDescription(governance.active(), "Strategic accounts")), "ops", "")
                .id();

        assertThatThrownBy(() -> governance.publication().activate(id, "ops", "skip the checks"))
                .isInstanceOfSatisfying(PublicationRefused.class,
                        refused -> assertThat(refused.reasons()).singleElement().asString().contains("DRAFT"));
    }
}
