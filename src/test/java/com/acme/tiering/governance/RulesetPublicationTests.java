package com.acme.tiering.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.acme.tiering.customer.Customers;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.support.Approval;
import com.acme.tiering.support.DatabaseCleaner;

/** Publishing needs clean checks, passing tests and a simulation; any earlier version can come back. */
@SpringBootTest(properties = "tiering.rules.run-after-activation=false")
class RulesetPublicationTests {

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
    Customers customers;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    private String original;

    @BeforeEach
    void evaluatedCustomers() throws InterruptedException {
        original = active.current().version();
        DatabaseCleaner.clean(jdbc);
        GovernanceFixtures.threeCustomersEvaluated(customers, runs, LocalDate.now(clock));
    }

    @Test
    void aDraftWithFailingTestsAndNoSimulationIsNotPublished() throws IOException {
        long id = drafts.upload(List.of(GovernanceFixtures.strategicThreshold(active, 0.5)), "ops", "top half").id();

        assertThatThrownBy(() -> publication.publish(id, "ops", "go")).isInstanceOfSatisfying(PublicationRefused.class,
                refused -> assertThat(refused.reasons()).anyMatch(r -> r.contains("rule-test scenario(s) fail"))
                        .anyMatch(r -> r.contains("has not been simulated")));
        assertThat(active.current().version()).isEqualTo(original);
    }

    @Test
    void aCleanSimulatedDraftIsPublishedAndTheOldVersionCanBeActivatedAgain() throws IOException {
        RulesetVersions.Version previous = versions.activeVersion().orElseThrow();
        RulesetVersions.Version draft = drafts.upload(
                List.of(GovernanceFixtures.rewordedDescription(active, "Strategic: the top 70%, buying monthly")),
                "ops", "clearer wording");
        simulation.simulate(draft.id());

        Approval.approveAndPublish(publication, draft.id(), "ops", "wording agreed with sales");

        assertThat(active.current().version()).isEqualTo(draft.contentHash());
        assertThat(versions.find(draft.id()).orElseThrow().status()).isEqualTo(VersionStatus.ACTIVE);
        assertThat(versions.find(previous.id()).orElseThrow().status()).isEqualTo(VersionStatus.RETIRED);
        assertThat(versions.events(draft.id())).extracting(e -> e.action() + " by " + e.actor())
                .containsExactly("UPLOADED by ops", "APPROVED by reviewer", "PUBLISHED by ops");

        publication.activate(previous.id(), "ops", "roll back to compare");

        assertThat(active.current().version()).isEqualTo(previous.contentHash());
        assertThat(versions.find(previous.id()).orElseThrow().status()).isEqualTo(VersionStatus.ACTIVE);
        assertThat(versions.events(previous.id())).extracting(RulesetVersions.Event::reason)
                .contains("roll back to compare");
        assertThat(versions.events(draft.id())).last().satisfies(e -> assertThat(e.action() + " by " + e.actor() + ", "
                + e.reason()).isEqualTo("ROLLED_BACK by ops, by activating version " + previous.id() + ": roll back to compare"));
    }

    @Test
    void onlyPublishedVersionsCanBeActivated() throws IOException {
        long id = drafts.upload(List.of(GovernanceFixtures.rewordedDescription(active, "Strategic accounts")), "ops",
                "").id();

        assertThatThrownBy(() -> publication.activate(id, "ops", "skip the checks"))
                .isInstanceOfSatisfying(PublicationRefused.class,
                        refused -> assertThat(refused.reasons()).singleElement().asString().contains("DRAFT"));
    }
}
