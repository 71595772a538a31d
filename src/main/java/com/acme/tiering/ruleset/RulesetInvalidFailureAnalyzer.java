package com.acme.tiering.ruleset;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken rules directory at start-up into one clear message naming file and cell or line. */
class RulesetInvalidFailureAnalyzer extends AbstractFailureAnalyzer<RulesetInvalid> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RulesetInvalid cause) {
        String findings = cause.findings().stream().map(f -> "  - " + f).collect(Collectors.joining("\n"));
        return new FailureAnalysis("The rules cannot be put in force:\n" + findings,
                "Fix the named file at the named sheet and cell (or DRL line; for rule tests the scenario's "
                        + "line), or point tiering.rules.directory at a working set of rules, then start again.", cause);
    }
}
