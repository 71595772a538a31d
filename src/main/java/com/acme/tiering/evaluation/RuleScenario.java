package com.acme.tiering.evaluation;

import java.util.List;
import java.util.Map;

import com.acme.tiering.facts.CustomerFacts;

/**
 * One business scenario from a rule-test file: facts and the expected decision.
 *
 * @param expected expectation name (tier, plan, lifecycleStage, rfmSegment, churnTriggers) to value;
 *        absent means not checked, {@code -} means none
 */
public record RuleScenario(String file, int line, String name, CustomerFacts facts, Map<String, String> expected) {

    /** What came out of running it. */
    public record Result(RuleScenario scenario, List<String> mismatches, List<String> firedRules,
            List<String> firedRuleKeys) {

        public boolean passed() {
            return mismatches.isEmpty();
        }

        /** A failure an operations manager can act on: where, what was expected, what came out, what fired. */
        public String report() {
            return scenario.file() + " line " + scenario.line() + " (" + scenario.name() + "): "
                    + String.join("; ", mismatches) + "\n  rules fired: " + String.join(" → ", firedRules);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + " " + name;
    }
}
