package com.acme.tiering.governance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.acme.tiering.evaluation.RuleTestSuite;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.Finding;

/** The rule-test scenarios a ruleset must pass before it may be put in force, failures as findings. */
final class RuleTestGate {

    private RuleTestGate() {
    }

    static List<Finding> failures(CompiledRuleset ruleset, Path ruleTests) {
        if (!Files.isDirectory(ruleTests)) {
            return List.of();
        }
        return RuleTestSuite.failures(RuleTestSuite.read(ruleTests), ruleset).stream()
                .map(failure -> Finding.error(failure.scenario().file(), null, null, failure.scenario().line(),
                        failure.scenario().name() + ": " + String.join("; ", failure.mismatches()),
                        "rules fired: " + String.join(" → ", failure.firedRules())))
                .toList();
    }
}
