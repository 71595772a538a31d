package com.acme.tiering.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.tiering.ruleset.CompiledRuleset;

/** Every decision-table row and DRL rule is exercised by at least one scenario. */
class RuleCoverageTests {

    @Test
    void everyRuleIsExercisedByAScenario() {
        List<RuleScenario> scenarios = RuleTestSuite.read(ShippedRules.RULE_TESTS);
        List<RuleScenario.Result> results = scenarios.stream()
                .map(s -> RuleTestSuite.run(s, ShippedRules.ruleset())).toList();

        assertThat(RuleTestSuite.unexercised(ShippedRules.ruleset(), results))
                .as("rules that no scenario in rule-tests/ makes fire").isEmpty();
    }

    @Test
    void theCoverageCheckNamesARuleNoScenarioReaches() {
        List<RuleScenario> onlyProspect = RuleTestSuite.parse("one.csv", "scenario,expect.tier\nProspect,D\n");
        CompiledRuleset ruleset = ShippedRules.ruleset();
        List<RuleScenario.Result> results = onlyProspect.stream()
                .map(s -> RuleTestSuite.run(s, ruleset)).toList();

        assertThat(RuleTestSuite.unexercised(ruleset, results))
                .anyMatch(source -> source.startsWith("tiers.xlsx › Tiers › row 11"))
                .anyMatch(source -> source.startsWith("churn-triggers.xlsx › ChurnTriggers › row 11"))
                .anyMatch(source -> source.startsWith("lifecycle.drl › line"))
                .noneMatch(source -> source.startsWith("tiers.xlsx › Tiers › row 16"));
    }

    @Test
    void thereAreAtLeastFortyScenarios() {
        assertThat(RuleTestSuite.read(ShippedRules.RULE_TESTS)).hasSizeGreaterThanOrEqualTo(40);
    }
}
