package com.acme.tiering.decision;

import static com.acme.tiering.decision.EvaluationBuilder.evaluationOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import com.acme.tiering.TieringProperties;
import com.acme.tiering.evaluation.Evaluation;

/**
 * Recording decisions, run against H2 and a real MySQL-protocol server by the subclasses.
 * Each test runs in a transaction that is rolled back.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import({ DecisionRecorder.class, DecisionStore.class, ChurnAlertStore.class, AlertOutbox.class, ChurnAlerts.class,
        DecisionCodec.class, DecisionQueries.class, HistoryVerification.class, DecisionRecorderContract.FixedClock.class,
        com.acme.tiering.audit.AuditLogSlice.class })
abstract class DecisionRecorderContract {

    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    /** With the service's default configuration: no alert webhook. */
    @TestConfiguration
    @EnableConfigurationProperties(TieringProperties.class)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    DecisionRecorder recorder;

    @Autowired
    DecisionQueries queries;

    @Autowired
    ChurnAlerts alerts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HistoryVerification verification;

    @BeforeEach
    void customers() {
        // Other test classes share the real database; this test's own writes are rolled back.
        com.acme.tiering.support.DatabaseCleaner.clean(jdbc);
        for (String id : List.of("C-1", "C-2")) {
            jdbc.update("INSERT INTO customer (customer_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)", id,
                    "Customer " + id, Timestamp.from(NOW), Timestamp.from(NOW));
        }
    }

    @Test
    void firstEvaluationWritesCurrentDecisionAndOneHistoryRow() {
        recorder.record(List.of(evaluationOf("C-1").tier("B", "KEY").build()), null, NOW);

        Decision current = queries.currentOrThrow("C-1");
        assertThat(current.tier()).isEqualTo("B");
        assertThat(current.servicePlan().code()).isEqualTo("KEY");
        assertThat(current.tierSince()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(current.facts().revenueLast12m()).isEqualByComparingTo("12000");
        assertThat(queries.historyCount("C-1")).isEqualTo(1);
    }

    @Test
    void recordsHistoryOnlyWhenSomethingChanges() {
        recorder.record(List.of(evaluationOf("C-1").tier("C", "STANDARD").build()), null, NOW);
        var unchanged = recorder.record(List.of(evaluationOf("C-1").tier("C", "STANDARD")
                .asOf(LocalDate.of(2026, 3, 2)).build()), null, NOW.plusSeconds(86_400));
        assertThat(unchanged.changed()).isZero();
        assertThat(queries.historyCount("C-1")).isEqualTo(1);

        var upgraded = recorder.record(List.of(evaluationOf("C-1").tier("B", "KEY").asOf(LocalDate.of(2026, 3, 3))
                .build()), null, NOW.plusSeconds(2 * 86_400));
        assertThat(upgraded.changed()).isEqualTo(1);
        assertThat(queries.historyCount("C-1")).isEqualTo(2);
        assertThat(queries.currentOrThrow("C-1").tierSince()).isEqualTo(LocalDate.of(2026, 3, 3));
    }

    @Test
    void aChangedChurnRiskIsAChange() {
        recorder.record(List.of(evaluationOf("C-1").signal("OVERDUE_PURCHASE", "MEDIUM", 48).build()), null, NOW);
        recorder.record(List.of(evaluationOf("C-1").signal("OVERDUE_PURCHASE", "HIGH", 48).build()), null, NOW);

        assertThat(queries.historyCount("C-1")).isEqualTo(2);
    }

    @Test
    void keepsTierSinceAcrossUnchangedReevaluations() {
        recorder.record(List.of(evaluationOf("C-1").tier("A", "STRATEGIC").build()), null, NOW);
        recorder.record(List.of(evaluationOf("C-1").tier("A", "STRATEGIC").asOf(LocalDate.of(2026, 4, 1))
                .lifecycleStage("COOLING").build()), null, NOW);

        assertThat(queries.currentOrThrow("C-1").tierSince()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(queries.historyCount("C-1")).isEqualTo(2);
    }

    @Test
    void answersTheDecisionInForceOnADate() {
        recorder.record(List.of(evaluationOf("C-1").tier("C", "STANDARD").asOf(LocalDate.of(2026, 3, 1)).build()),
                null, NOW);
        recorder.record(List.of(evaluationOf("C-1").tier("B", "KEY").asOf(LocalDate.of(2026, 3, 10)).build()),
                null, NOW);

        assertThat(queries.inForceOnOrThrow("C-1", LocalDate.of(2026, 3, 9)).tier()).isEqualTo("C");
        assertThat(queries.inForceOnOrThrow("C-1", LocalDate.of(2026, 3, 10)).tier()).isEqualTo("B");
        assertThat(queries.inForceOn("C-1", LocalDate.of(2026, 2, 28))).isEmpty();
    }

    @Test
    void opensOneAlertPerTriggerAndClosesItWhenTheTriggerStops() {
        recorder.record(List.of(evaluationOf("C-1").signal("COMPLAINT_BURST", "HIGH", 24)
                .signal("DETRACTOR", "MEDIUM", 72).build()), null, NOW);
        recorder.record(List.of(evaluationOf("C-1").signal("COMPLAINT_BURST", "HIGH", 24)
                .signal("DETRACTOR", "MEDIUM", 72).build()), null, NOW);
        assertThat(alerts.list("OPEN", null, null, null, null, 0, 50)).hasSize(2);

        recorder.record(List.of(evaluationOf("C-1").signal("DETRACTOR", "MEDIUM", 72).build()), null, NOW);

        assertThat(alerts.list("OPEN", null, null, null, null, 0, 50)).extracting(ChurnAlert::triggerId)
                .containsExactly("DETRACTOR");
        ChurnAlert closed = alerts.list("CLOSED", null, null, null, null, 0, 50).get(0);
        assertThat(closed.triggerId()).isEqualTo("COMPLAINT_BURST");
        assertThat(closed.closedReason()).contains("no longer fires");
    }

    @Test
    void alertTakesOwnerAndDueTimeFromTheSignal() {
        recorder.record(List.of(evaluationOf("C-1").signal("COMPLAINT_BURST", "HIGH", 24).build()), null, NOW);

        ChurnAlert alert = alerts.list(null, "HIGH", "Dana Seller", "COMPLAINT_BURST", null, 0, 10).get(0);
        assertThat(alert.dueAt()).isEqualTo(NOW.plusSeconds(24 * 3600));
        assertThat(alert.overdue()).isFalse();
        assertThat(alert.customerName()).isEqualTo("Customer C-1");
        assertThat(alert.ownerRole()).as("the signal's owner role, stored with the alert").isEqualTo("ACCOUNT_MANAGER");
    }

    @Test
    void aResolvedAlertStaysTheTriggersAlertWhileItFiresAndANewOneOpensOnlyAfterItStopped() {
        recorder.record(List.of(evaluationOf("C-1").signal("DETRACTOR", "MEDIUM", 72).build()), null, NOW);
        long first = alerts.list("OPEN", null, null, null, null, 0, 10).get(0).id();
        alerts.resolve(first, "mia", "Called, NPS follow-up booked");

        recorder.record(List.of(evaluationOf("C-1").signal("DETRACTOR", "MEDIUM", 72).build()), null, NOW);
        assertThat(alerts.list(null, null, null, null, null, 0, 10)).singleElement().satisfies(alert -> {
            assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(alert.triggerFiring()).isTrue();
        });

        recorder.record(List.of(evaluationOf("C-1").build()), null, NOW);
        assertThat(alerts.details(first).alert().triggerFiring()).isFalse();
        assertThat(alerts.details(first).alert().status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(alerts.details(first).history()).extracting(ChurnAlert.Transition::toStatus)
                .containsExactly("OPEN", "RESOLVED");

        recorder.record(List.of(evaluationOf("C-1").signal("DETRACTOR", "MEDIUM", 72).build()), null, NOW);
        assertThat(alerts.list("OPEN", null, null, "DETRACTOR", null, 0, 10)).singleElement()
                .satisfies(alert -> assertThat(alert.id()).isNotEqualTo(first));
    }

    @Test
    void queuesNothingForTheWebhookWhenNoneIsConfigured() {
        recorder.record(List.of(evaluationOf("C-1").signal("COMPLAINT_BURST", "HIGH", 24).build()), null, NOW);

        assertThat(alerts.list("OPEN", null, null, null, null, 0, 10)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM churn_alert_outbox", Integer.class)).isZero();
    }

    @Test
    void summarisesCurrentDecisionsPerDimension() {
        recorder.record(List.of(evaluationOf("C-1").tier("A", "STRATEGIC").signal("GONE_SILENT", "MEDIUM", 336)
                .build(), evaluationOf("C-2").tier("C", "STANDARD").signal("GONE_SILENT", "MEDIUM", 336)
                .signal("DETRACTOR", "MEDIUM", 72).build()), 7L, NOW);

        DecisionSummary summary = queries.summary();
        assertThat(summary.byTier()).containsEntry("A", 1L).containsEntry("C", 1L);
        assertThat(summary.byChurnTrigger()).containsEntry("GONE_SILENT", 2L).containsEntry("DETRACTOR", 1L);
        assertThat(summary.byChurnRisk()).containsEntry("MEDIUM", 2L);
        assertThat(summary.decided()).isEqualTo(2);
    }

    private void threeHistoryRows() {
        recorder.record(List.of(evaluationOf("C-1").tier("C", "STANDARD").build(),
                evaluationOf("C-2").tier("B", "KEY").build()), 1L, NOW);
        recorder.record(List.of(evaluationOf("C-1").tier("B", "KEY").asOf(LocalDate.of(2026, 3, 5)).build()), 2L,
                NOW.plusSeconds(86_400).plusNanos(123_456_789));
    }

    @Test
    void theHistoryChainVerifiesAsWritten() {
        threeHistoryRows();

        HistoryVerification.Report report = verification.verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.rows()).isEqualTo(3);
        assertThat(report.customers()).isEqualTo(2);
    }

    @Test
    void aRowAlteredInTheDatabaseBreaksThatCustomersChainOnly() {
        threeHistoryRows();

        jdbc.update("UPDATE decision_history SET tier = 'A' WHERE customer_id = 'C-1' AND tier = 'C'");

        assertThat(verification.verify().broken()).singleElement().satisfies(broken -> {
            assertThat(broken.customerId()).isEqualTo("C-1");
            assertThat(broken.reason()).contains("altered");
        });
    }

    @Test
    void aRemovedRowBreaksTheChain() {
        threeHistoryRows();

        jdbc.update("DELETE FROM decision_history WHERE customer_id = 'C-1' AND tier = 'C'");

        assertThat(verification.verify().broken()).singleElement().satisfies(broken -> {
            assertThat(broken.customerId()).isEqualTo("C-1");
            assertThat(broken.reason()).contains("removed");
        });
    }

    @Test
    void aDecisionByAnotherVersionKeepsWhatTheOneBeforeWasMadeFromUntilThatVersionIsReplaced() {
        String before = "a".repeat(64);
        String after = "b".repeat(64);
        Evaluation keyAccount = evaluationOf("C-1").tier("B", "KEY").build();
        recorder.record(List.of(keyAccount), 1L, NOW);
        recorder.record(List.of(evaluationOf("C-1").tier("A", "STRATEGIC").rulesetVersion(after).build()), 2L,
                NOW.plusSeconds(60));
        recorder.record(List.of(evaluationOf("C-1").tier("A", "STRATEGIC").rulesetVersion(after).build()), 3L,
                NOW.plusSeconds(120));

        StandingDecision standing = queries.standing(List.of("C-1")).get("C-1");
        assertThat(standing.tier()).isEqualTo("A");
        assertThat(standing.rulesetVersion()).isEqualTo(after);
        assertThat(standing.priorVersion()).isEqualTo(before);
        assertThat(standing.priorBasis()).isEqualTo(new DecisionBasis(FactsDigest.of(keyAccount.facts()), null, null,
                null, "B", keyAccount.asOf()));
        assertThat(queries.standing(List.of("C-2"))).isEmpty();
    }

    @Test
    void aRestorationKeepsTheSinceDateOfThenAndAlwaysWritesAHistoryRowNamingTheRollback() {
        recorder.record(List.of(evaluationOf("C-1").tier("B", "KEY").build()), 1L, NOW);
        recorder.record(List.of(evaluationOf("C-1").tier("A", "STRATEGIC").rulesetVersion("b".repeat(64)).build()),
                2L, NOW.plusSeconds(60));
        LocalDate keyAccountSince = LocalDate.of(2025, 6, 1);
        Restoration restoration = new Restoration(7, "b".repeat(64), keyAccountSince);

        recorder.record(List.of(evaluationOf("C-1").tier("B", "KEY").build()), Map.of("C-1", restoration), 3L,
                NOW.plusSeconds(120));
        recorder.record(List.of(evaluationOf("C-1").tier("B", "KEY").build()), Map.of("C-1", restoration), 4L,
                NOW.plusSeconds(180));

        Decision current = queries.currentOrThrow("C-1");
        assertThat(current.tier()).isEqualTo("B");
        assertThat(current.tierSince()).isEqualTo(keyAccountSince);
        assertThat(current.restoration().note()).isEqualTo("Restored by rolling back version 7");
        assertThat(queries.history("C-1")).extracting(d -> d.tier() + (d.restoration() == null ? "" : " restored"))
                .containsExactly("B", "A", "B restored", "B restored");
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void listsCustomersWithTheirTierAndSearchesByIdOrName() {
        recorder.record(List.of(evaluationOf("C-1").tier("A", "STRATEGIC").build()), null, NOW);

        CustomerListing all = queries.customers(null, 0, 10);
        assertThat(all.totalElements()).isEqualTo(2);
        assertThat(all.customers()).extracting(CustomerListing.Row::tier).containsExactly("A", null);
        assertThat(queries.customers("customer c-2", 0, 10).customers()).extracting(CustomerListing.Row::customerId)
                .containsExactly("C-2");
        assertThat(queries.customers("100%", 0, 10).totalElements()).isZero();
    }
}
