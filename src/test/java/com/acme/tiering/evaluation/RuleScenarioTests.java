package com.acme.tiering.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every business scenario in rule-tests/*.csv, run against the shipped rules. */
class RuleScenarioTests {

    static Stream<Arguments> scenarios() {
        List<RuleScenario> scenarios = RuleTestSuite.read(ShippedRules.RULE_TESTS);
        return scenarios.stream().map(s -> Arguments.of(Named.of(s.toString(), s)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioDecidesAsExpected(RuleScenario scenario) {
        RuleScenario.Result result = RuleTestSuite.run(scenario, ShippedRules.ruleset());

        assertThat(result.passed()).as(result.report()).isTrue();
    }
}
