package com.acme.tiering.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.acme.tiering.evaluation.Explanation.FiredRule;
import com.acme.tiering.evaluation.Explanation.TierGap;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.RuleFile;

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
                "lifecycle.drl › line 29", "tier-policy.drl › line 10", "churn-triggers.xlsx › ChurnTriggers › row 18",
                "service-plans.xlsx › ServicePlans › row 13");
        FiredRule tierRow = key.explanation().firedRules().get(1);
        assertThat(tierRow.description()).isEqualTo("Key: among the customers making the next 20% of revenue");
        assertThat(tierRow.sheet()).isEqualTo("Tiers");
        assertThat(tierRow.row()).isEqualTo(13);
        assertThat(tierRow.factsRead()).containsEntry("paretoShare", new BigDecimal("0.84"));
        FiredRule detractor = key.explanation().firedRules().get(4);
        assertThat(detractor.description()).isEqualTo("Detractor (MEDIUM): the latest NPS score is 6 or lower");
        assertThat(detractor.sheet()).isEqualTo("ChurnTriggers");
        assertThat(detractor.row()).isEqualTo(18);
        assertThat(detractor.factsRead()).containsEntry("latestNps", 5);
        assertThat(key.churnSignals()).singleElement().isEqualTo(new Evaluation.ChurnSignal("DETRACTOR", "MEDIUM",
                "Account manager calls within 72 h", "ACCOUNT_MANAGER", 72));
    }

    private static final String STANDARD = """
            paretoShare,revenueLast12m,revenueGrowthPct,ordersLast12m
            0.95,18000,20,3
            """;

    private static Evaluation evaluate(String csv, TierOverride override) {
        RuleScenario scenario = RuleTestSuite.parse("t.csv", csv).get(0);
        return ShippedRules.evaluator().evaluate(scenario.facts(), ShippedRules.ruleset(), override);
    }

    private static TierOverride override(String tier, TierOverride.Kind kind) {
        return new TierOverride(7, tier, kind, "Board decision", java.time.Instant.parse("2027-01-31T00:00:00Z"),
                "mia", java.time.Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void aPinSetsTheTierTheServicePlanReadsAndTheRulesOwnTierStaysBesideIt() {
        Evaluation pinned = evaluate(STANDARD, override("A", TierOverride.Kind.PIN));

        assertThat(pinned.tier()).isEqualTo("A");
        assertThat(pinned.rulesTier()).isEqualTo("C");
        assertThat(pinned.servicePlan().code()).isEqualTo("STRATEGIC");
        assertThat(pinned.manualOverride().id()).isEqualTo(7);
        assertThat(pinned.explanation().summary()).startsWith("Tier A (Strategic) by manual override (PIN at A "
                + "(Strategic), set by mia on 2026-11-25 until 2027-01-31T00:00:00Z: \"Board decision\"). The rules "
                + "give: Tier C (Standard): bought in the last 12 months");
        // Why not higher stays the rules' view: what the customer itself lacks for A and B.
        assertThat(pinned.explanation().whyNotHigher()).extracting(TierGap::tier).containsExactly("A", "B", "B", "B");
    }

    @Test
    void aFloorRaisesOnlyATierBelowIt() {
        Evaluation raised = evaluate(STANDARD, override("B", TierOverride.Kind.FLOOR));
        assertThat(raised.tier()).isEqualTo("B");
        assertThat(raised.servicePlan().code()).isEqualTo("KEY");

        Evaluation untouched = evaluate(STANDARD, override("C", TierOverride.Kind.FLOOR));
        assertThat(untouched.tier()).isEqualTo("C");
        assertThat(untouched.rulesTier()).isEqualTo("C");
        assertThat(untouched.explanation().summary()).startsWith("Tier C (Standard): bought in the last 12 months")
                .contains("A manual override is in force (FLOOR at C (Standard)")
                .endsWith("changes nothing: the rules give the same tier.");
        assertThat(evaluate(STANDARD, override("D", TierOverride.Kind.FLOOR)).explanation().summary())
                .endsWith("changes nothing: the rules give a higher tier.");
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
        assertThat(standard.explanation().summary()).isEqualTo("Tier C (Standard): bought in the last 12 months"
                + " — ordersLast12m 3 ≥ 1 (tiers.xlsx › Tiers › row 15). Not B: paretoShare 0.95 > 0.90, over by 0.05"
                + " (customers with more revenue make 95% of all revenue).");
    }

    @Test
    void theSummaryNamesTheTierRowWithItsMetConditionsAndWhatTheNextTierUpLacks() {
        Evaluation key = evaluate("""
                paretoShare,revenueLast12m,ordersLast12m
                0.84,82000,5
                """);

        assertThat(key.explanation().summary()).isEqualTo("Tier B (Key): among the customers making the next 20% of"
                + " revenue — paretoShare 0.84 ≤ 0.90 (customers with more revenue make 84% of all revenue)"
                + " (tiers.xlsx › Tiers › row 13). Not A: paretoShare 0.84 > 0.70, over by 0.14 (customers with more"
                + " revenue make 84% of all revenue); ordersLast12m 5 < 6, short by 1.");
    }

    @Test
    void textAndListConditionsOfHigherTierRowsAreExplainedToo() {
        // ' stands for the CSV's " so that the text block stays readable
        String table = """
                RuleSet,com.acme.tiering.rules
                Sequential,true
                ACTIVATION-GROUP,tier
                RuleTable Tiers
                NAME,DESCRIPTION,CONDITION,CONDITION,CONDITION,ACTION
                ,,CustomerFacts,CustomerFacts,CustomerFacts,
                ,,'industry == ''$param''',region in ($param),revenueLast12m >= $param,'decision.tier(''$param'');'
                Rule,Description,industry,region,revenueLast12m ≥,tier
                Home retail,Strategic: a large retailer in our home markets,Retail,'''DE'', ''AT''',100000,A
                Home market,Key: any account in our home markets,,'''DE'', ''AT''',,B
                Everyone else,Standard: everyone else,,,,C
                """.replace('\'', '"');
        CompiledRuleset ruleset = ShippedRules.compileWith(new RuleFile("tiers.csv",
                table.getBytes(StandardCharsets.UTF_8)), "tiers.xlsx");
        CustomerFacts wholesaler = RuleTestSuite.parse("t.csv", """
                industry,region,revenueLast12m
                Wholesale,FR,120000
                """).get(0).facts();

        Evaluation standard = ShippedRules.evaluator().evaluate(wholesaler, ruleset);

        assertThat(standard.tier()).isEqualTo("C");
        assertThat(standard.explanation().whyNotHigher()).extracting(TierGap::tier).containsExactly("A", "B");
        assertThat(standard.explanation().whyNotHigher().get(0).unmet()).extracting(Explanation.UnmetCondition::text)
                .containsExactly("industry is Wholesale, needs Retail", "region is FR, needs one of DE, AT");
        assertThat(standard.explanation().summary()).endsWith("Not B: region is FR, needs one of DE, AT.");
    }

    @Test
    void saysHowFarInsideItsThresholdsTheCustomerIs() {
        Evaluation fastGrower = evaluate("""
                paretoShare,revenueLast12m,revenueGrowthPct,ordersLast12m
                0.95,24000,65,3
                """);

        assertThat(fastGrower.tier()).isEqualTo("B");
        assertThat(fastGrower.explanation().margins()).extracting(Explanation.Margin::text).containsExactly(
                "revenueLast12m 24,000 is 4,000 above the ≥ 20,000 threshold",
                "revenueGrowthPct 65 is 15 above the ≥ 50 threshold");
    }

    /** Facts come with 40 digits; people read four decimals, or more where four would hide a difference. */
    @Test
    void roundsUnroundedFactsForPeopleButNeverShowsUnequalNumbersAsEqual() {
        Evaluation almostFastGrowing = evaluate("""
                paretoShare,revenueLast12m,revenueGrowthPct,ordersLast12m
                0.9259259259259259259259259259259259259259,29999.99,49.99995,3
                """);
        Evaluation justInside = evaluate("""
                paretoShare,ordersLast12m
                0.69999,6
                """);
        Evaluation top = evaluate("""
                paretoShare,ordersLast12m
                0,12
                """);

        assertThat(almostFastGrowing.tier()).isEqualTo("C");
        assertThat(almostFastGrowing.explanation().whyNotHigher().get(3).unmet())
                .extracting(Explanation.UnmetCondition::text)
                .containsExactly("revenueGrowthPct 49.99995 < 50.00000, short by 0.00005");
        assertThat(almostFastGrowing.explanation().summary())
                .endsWith("Not B: revenueGrowthPct 49.99995 < 50.00000, short by 0.00005.");
        assertThat(almostFastGrowing.explanation().whyNotHigher().get(2).unmet())
                .extracting(Explanation.UnmetCondition::text).containsExactly("paretoShare 0.9259 > 0.9000, over by"
                        + " 0.0259 (customers with more revenue make 92.59% of all revenue)");
        assertThat(justInside.explanation().margins()).extracting(Explanation.Margin::text)
                .contains("paretoShare 0.69999 is 0.00001 below the ≤ 0.70000 threshold");
        assertThat(top.explanation().summary()).contains("paretoShare 0.0 ≤ 0.7 (no customer has more revenue)");
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
        assertThat(protectedKey.explanation().summary()).startsWith("Tier B (Key), kept by the tier policy: "
                + "downgrade to C (Standard) pending since 2026-06-01, tier B protected until 2026-08-29. "
                + "Qualifies for C: bought in the last 12 months — ordersLast12m 2 ≥ 1 (tiers.xlsx › Tiers › row 15).");
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
        assertThat(noisy.servicePlan().entitlements().values()).containsExactly(entry("accountManager", "DEDICATED"),
                entry("responseSlaHours", 4L), entry("reviewCadence", "MONTHLY"), entry("visitsPerYear", 6L),
                entry("discountPct", new BigDecimal("5")), entry("supportChannel", "PHONE"));
    }

    @Test
    void withoutExplanationTheDecisionIsTheSameForEveryCustomer() {
        for (CustomerFacts customer : VariedCustomers.of(1_000, 8)) {
            Evaluation explained = Evaluator.run(customer, ShippedRules.ruleset());
            Evaluation lean = Evaluator.decide(customer, ShippedRules.ruleset(), null);

            assertThat(lean.explanation()).isNull();
            assertThat(lean).as(customer.customerId()).usingRecursiveComparison().ignoringFields("explanation")
                    .isEqualTo(explained);
        }
    }

    @Test
    void withoutExplanationAManualOverrideStillApplies() {
        CustomerFacts standard = RuleTestSuite.parse("t.csv", STANDARD).get(0).facts();

        Evaluation pinned = Evaluator.decide(standard, ShippedRules.ruleset(), override("A", TierOverride.Kind.PIN));

        assertThat(pinned.tier()).isEqualTo("A");
        assertThat(pinned.rulesTier()).isEqualTo("C");
        assertThat(pinned.servicePlan().code()).isEqualTo("STRATEGIC");
    }
}
