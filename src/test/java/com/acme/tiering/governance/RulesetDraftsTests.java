package com.acme.tiering.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.support.Governance;
import com.acme.tiering.support.ServiceTest;

/**
 * Drafts and their impact preview: the Strategic threshold lowered from 0.70 to 0.50 fails the rule
 * tests that pin it, and moves exactly the customer between the two from A to B (held for the grace
 * period by the tier policy), touching no decision.
 */
@ServiceTest
class RulesetDraftsTests {

    @Autowired
    RulesetDrafts drafts;

    @Autowired
    RulesetSimulation simulation;

    @Autowired
    RulesetVersions versions;

    @Autowired
    ActiveRuleset active;

    @Autowired
    Governance governance;

    @Autowired
    DecisionQueries decisions;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void threeEvaluatedCustomers() throws InterruptedException {
        governance.threeCustomersEvaluated();
        assertThat(decisions.currentOrThrow("G1").tier()).isEqualTo("A");
    }

    @Test
    void aDraftReplacesSameNamedFilesAndReportsTheRuleTestsItFails() throws IOException {
        RulesetVersions.Version draft = drafts.upload(List.of(GovernanceFixtures.strategicThreshold(active, 0.5)), "ops.manager",
                "Strategic only for the top half");

        assertThat(draft.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(draft.findings()).isEmpty();
        assertThat(draft.failingTests()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("tiers.csv");
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.message()).contains("expected tier A but was B");
        });
        assertThat(active.current().version()).isNotEqualTo(draft.contentHash());
    }

    @Test
    void theSimulationShowsWhoMovesWithoutTouchingDecisions() throws IOException {
        RulesetVersions.Version draft = drafts.upload(List.of(GovernanceFixtures.strategicThreshold(active, 0.5)), "ops.manager", "top half");
        long historyBefore = jdbc.queryForObject("SELECT COUNT(*) FROM decision_history", Long.class);

        SimulationReport report = simulation.simulate(draft.id());

        assertThat(report.customers()).isEqualTo(3);
        assertThat(report.tierMigration()).containsEntry("A", java.util.Map.of("A", 1L))
                .containsEntry("B", java.util.Map.of("B", 1L)).containsEntry("C", java.util.Map.of("C", 1L));
        // G1 qualifies for B but has tier A in force: the tier policy holds its downgrade for 90 days, so its tier
        // and plan stay; only the tier table alone moves it
        assertThat(report.qualifiedTierMigration()).containsEntry("A", java.util.Map.of("B", 1L));
        assertThat(report.heldDowngrades()).isEqualTo(java.util.Map.of("A", java.util.Map.of("B", 1L)));
        assertThat(report.examples()).isEmpty();
        assertThat(report.downgradesHeld()).isEqualTo(1);
        assertThat(report.planChanges()).isEmpty();
        assertThat(report.revenueShareBefore().get("A")).isEqualByComparingTo("0.3125");
        assertThat(report.revenueShareAfter().get("A")).isEqualByComparingTo(report.revenueShareBefore().get("A"));
        assertThat(report.customersWithoutTierRow()).isZero();
        assertThat(decisions.currentOrThrow("G1").tier()).isEqualTo("A");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM decision_history", Long.class)).isEqualTo(historyBefore);
    }

    @Test
    void aDraftThatDoesNotCompileIsRejectedWithItsFindingAndCannotBeSimulated() {
        RulesetVersions.Version rejected = drafts.upload(List.of(new RuleFile("lifecycle.drl",
                "package x;\nrule \"r\" when then System.exit(0); end".getBytes(StandardCharsets.UTF_8))), "author", "");

        assertThat(rejected.status()).isEqualTo(VersionStatus.REJECTED);
        assertThat(rejected.findings()).anySatisfy(f -> assertThat(f.location()).isEqualTo("lifecycle.drl › line 2"));
        assertThatThrownBy(() -> simulation.simulate(rejected.id())).isInstanceOf(VersionNotSimulable.class);
    }

    @Test
    void theTierTableSavedAsXlsReplacesTheXlsxInForceAndMovesNobody() {
        RulesetVersions.Version draft = drafts.upload(List.of(GovernanceFixtures.tiersAsXls(active)), "ops.manager",
                "saved from LibreOffice");

        assertThat(draft.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(draft.findings()).isEmpty();
        assertThat(draft.failingTests()).isEmpty();
        assertThat(versions.filesOf(draft.id())).extracting(RuleFile::name).contains("tiers.xls")
                .doesNotContain("tiers.xlsx").hasSize(active.current().files().size());
        SimulationReport report = simulation.simulate(draft.id());
        assertThat(report.customers()).isEqualTo(3);
        assertThat(report.tierMigration()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "A", java.util.Map.of("A", 1L), "B", java.util.Map.of("B", 1L), "C", java.util.Map.of("C", 1L)));
        assertThat(report.examples()).isEmpty();
        assertThat(report.planChanges()).isEmpty();
    }

    @Test
    void oneUploadHoldingOneTableInTwoFormatsIsRefusedNamingBothFiles() {
        long versionsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM ruleset_version", Long.class);
        RuleFile xls = GovernanceFixtures.tiersAsXls(active);
        RuleFile xlsx = GovernanceFixtures.rewordedDescription(active, "Strategic: saved twice");

        assertThatThrownBy(() -> drafts.upload(List.of(xlsx, xls), "ops.manager", ""))
                .isInstanceOfSatisfying(UploadRefused.class, refused -> {
                    assertThat(refused.tooLarge()).isFalse();
                    assertThat(refused.findings()).singleElement().satisfies(f -> assertThat(f.message())
                            .startsWith("tiers.xls and tiers.xlsx both hold the decision table 'tiers'"));
                });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ruleset_version", Long.class)).isEqualTo(versionsBefore);
    }

    @Test
    void unfitFilesAreRefusedBeforeAnythingIsStored() {
        long versionsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM ruleset_version", Long.class);

        assertThatThrownBy(() -> drafts.upload(List.of(new RuleFile("../../etc/tiers.xlsx", new byte[10])), "a", ""))
                .isInstanceOfSatisfying(UploadRefused.class, invalid -> assertThat(invalid.findings())
                        .singleElement().satisfies(f -> assertThat(f.message()).contains("file name")));
        assertThatThrownBy(() -> drafts.upload(List.of(new RuleFile("tiers.xlsx",
                new byte[RulesetDrafts.MAX_FILE_BYTES + 1])), "a", "")).isInstanceOfSatisfying(UploadRefused.class,
                        refused -> assertThat(refused.tooLarge()).isTrue());
        assertThatThrownBy(() -> drafts.upload(List.of(), "a", "")).isInstanceOf(UploadRefused.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ruleset_version", Long.class)).isEqualTo(versionsBefore);
    }
}
