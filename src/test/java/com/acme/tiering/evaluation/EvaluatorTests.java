package com.acme.tiering.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.acme.tiering.evaluation.Explanation.FiredRule;
import com.acme.tiering.evaluation.Explanation.TierGap;

/** What an auditor reads: the fired rules with sources and facts, why not higher, the tier policy. */
class EvaluatorTests {

    private static Evaluation evaluate(String csv) {
        RuleScenario scenario = RuleTestSuite.parse("t.csv", csv).get(0);
        return ShippedRules.evaluator().evaluate(scenario.facts(), ShippedRules.ruleset());
    }

    @Test
    void listsEveryFiredRuleInStageOrderWithSourceDescriptionAndTheFactsItRead() {
        Evaluation key = evaluate("""
                paretoShare,ordersLast12m,firstOrderDate,recencyDays,rScore,fScore,latestNps
                0.84,5,2024-01-01,12,4,4,5
                """);

        assertThat(key.explanation().firedRules()).extracting(FiredRule::source).containsExactly(
                "rfm-segments.xlsx › RfmSegments › row 12", "tiers.xlsx › Tiers › row 13",
                "lifecycle.drl › line 29", "tier-policy.drl › line 10", "churn-triggers.drl › line 79",
                "service-plans.xlsx › ServicePlans › row 13");
        FiredRule tierRow = key.explanation().firedRules().get(1);
        assertThat(tierRow.description()).isEqualTo("Key: among the customers making the next 20% of revenue");
        assertThat(tierRow.sheet()).isEqualTo("Tiers");
        assertThat(tierRow.row()).isEqualTo(13);
        assertThat(tierRow.factsRead()).containsEntry("paretoShare", new BigDecimal("0.84"));
        assertThat(key.explanation().firedRules().get(4).factsRead()).containsEntry("latestNps", 5);
    }

    @Test
    void saysWhatWasMissingForEachHigherTierWithRequiredActualAndGap() {
        Evaluation standard = evaluate("""
                paretoShare,revenueLast12m,revenueGrowthPct,ordersLast12m
                0.95,18000,20,3
                """);

        assertThat(standard.tier()).isEqualTo("C");
        assertThat(standard.explanation().whyNotHigher()).extracting(TierGap::tier).containsExactly("A", "B", "B", "B");
        TierGap fastGrowing = standard.explanation().whyNotHigher().get(3);
        assertThat(fastGrowing.source()).isEqualTo("tiers.xlsx › Tiers › row 14");
        assertThat(fastGrowing.unmet()).extracting(Explanation.UnmetCondition::text).containsExactly(
                "revenueLast12m 18,000 < 20,000, short by 2,000", "revenueGrowthPct 20 < 50, short by 30");
        assertThat(standard.explanation().summary()).startsWith("Tier C (Standard): Standard: bought in the last 12 months")
                .contains("Not B: paretoShare 0.95 > 0.9, over by 0.05");
    }

    @Test
    void aWaitingDowngradeKeepsTheTierAndSaysUntilWhen() {
        Evaluation protectedKey = evaluate("""
                asOf,paretoShare,ordersLast12m,currentTier,currentTierSince,downgradePendingSince
                2026-06-30,0.95,2,B,2025-01-01,2026-06-01
                """);

        assertThat(protectedKey.tier()).isEqualTo("B");
        assertThat(protectedKey.qualifiedTier()).isEqualTo("C");
        assertThat(protectedKey.downgradePendingSince()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(protectedKey.tierProtectedUntil()).isEqualTo(LocalDate.of(2026, 8, 29));
        assertThat(protectedKey.explanation().summary()).contains("kept by the tier policy")
                .contains("protected until 2026-08-29");
    }

    @Test
    void qualifyingAgainClearsAPendingDowngrade() {
        Evaluation back = evaluate("""
                paretoShare,ordersLast12m,currentTier,currentTierSince,downgradePendingSince
                0.80,2,B,2025-01-01,2026-06-01
                """);

        assertThat(back.tier()).isEqualTo("B");
        assertThat(back.downgradePendingSince()).isNull();
        assertThat(back.tierProtectedUntil()).isNull();
    }

    @Test
    void churnRiskIsTheHighestSignalAndEntitlementsComeWithThePlan() {
        Evaluation noisy = evaluate("""
                paretoShare,ordersLast12m,complaintsLast90d,latestNps,firstOrderDate,recencyDays
                0.80,3,2,3,2024-01-01,10
                """);

        assertThat(noisy.churnRisk()).isEqualTo("HIGH");
        assertThat(noisy.churnSignals()).extracting(Evaluation.ChurnSignal::triggerId)
                .containsExactlyInAnyOrder("COMPLAINT_BURST", "DETRACTOR");
        assertThat(noisy.servicePlan().code()).isEqualTo("KEY_RETENTION");
        assertThat(noisy.servicePlan().entitlements().responseSlaHours()).isEqualTo(4);
        assertThat(noisy.servicePlan().entitlements().discountPct()).isEqualByComparingTo("5");
    }
}
