package com.acme.tiering.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.ruleset.ShadowRuleset;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.run.RunStatus;
import com.acme.tiering.support.FullRun;
import com.acme.tiering.support.Governance;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestProfiles;

/** A draft in the shadow is evaluated by every run beside the rules in force; only differences are kept. */
@ServiceTest
@ActiveProfiles(TestProfiles.NO_RUN_AFTER_ACTIVATION)
class RulesetShadowTests {

    @Autowired
    RulesetDrafts drafts;

    @Autowired
    RulesetShadows shadows;

    @Autowired
    ShadowRuleset shadow;

    @Autowired
    ActiveRuleset active;

    @Autowired
    Governance governance;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    DecisionQueries decisions;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void evaluatedCustomers() throws InterruptedException {
        jdbc.update("DELETE FROM shadow_difference");
        governance.threeCustomersEvaluated();
    }

    @AfterEach
    void noShadowLeft() {
        shadow.clear();
    }

    @Test
    void runsKeepWhereTheShadowDecidesDifferentlyAndDecisionsStayTheActiveOnes() throws Exception {
        long id = drafts.upload(List.of(GovernanceFixtures.strategicThreshold(active, 0.5)), "ops", "top half").id();
        shadows.start(id, "ops");

        assertThat(FullRun.awaitEnded(runs, runs.start("TEST").id(), Duration.ofSeconds(30)).status())
                .isEqualTo(RunStatus.COMPLETED);

        assertThat(shadows.differences(id, 0, 100)).singleElement().satisfies(difference -> {
            assertThat(difference.customerId()).isEqualTo("G1");
            assertThat(difference.activeTier()).isEqualTo("A");
            assertThat(difference.shadowTier()).isEqualTo("B");
        });
        assertThat(decisions.currentOrThrow("G1").tier()).isEqualTo("A");
        assertThat(decisions.currentOrThrow("G1").rulesetVersion()).isEqualTo(active.current().version());

        shadows.stop(id, "ops");
        assertThat(shadow.current()).isEmpty();
    }

    @Test
    void onlyADraftWithoutFindingsCanRunInTheShadow() {
        long rejected = drafts.upload(List.of(new RuleFile("lifecycle.drl", "package x;\nrule \"r\" when then System.exit(0); end"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))), "author", "").id();

        assertThatThrownBy(() -> shadows.start(rejected, "ops")).isInstanceOf(PublicationRefused.class);
        assertThat(shadow.current()).isEmpty();
    }
}
