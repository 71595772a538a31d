package com.acme.tiering.ruleset;

import java.util.List;
import java.util.stream.Collectors;

/** The rule files do not compile into a ruleset; the findings say where and why. */
public class RulesetInvalid extends RuntimeException {

    private final List<Finding> findings;

    private RulesetInvalid(List<Finding> findings) {
        super(findings.stream().map(Finding::toString).collect(Collectors.joining("; ")));
        this.findings = List.copyOf(findings);
    }

    public static RulesetInvalid because(List<Finding> findings) {
        return new RulesetInvalid(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
