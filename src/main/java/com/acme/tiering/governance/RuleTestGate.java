package com.acme.tiering.governance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.acme.tiering.evaluation.RuleScenario;
import com.acme.tiering.evaluation.RuleTestSuite;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.Finding;
import com.acme.tiering.ruleset.RuleFile;

/**
 * The rule-test scenarios a ruleset must pass before it may be put in force: the files of the rule-tests
 * directory, with test files uploaded alongside a draft replacing same-named ones. Failures are findings.
 */
final class RuleTestGate {

    private RuleTestGate() {
    }

    static List<Finding> failures(CompiledRuleset ruleset, Path ruleTests) {
        return failures(ruleset, ruleTests, List.of());
    }

    static List<Finding> failures(CompiledRuleset ruleset, Path ruleTests, List<RuleFile> uploadedTests) {
        Map<String, String> files = new TreeMap<>(directory(ruleTests));
        uploadedTests.forEach(file -> files.put(file.name(), new String(file.content(), StandardCharsets.UTF_8)));
        List<RuleScenario> scenarios = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        files.forEach((name, text) -> {
            try {
                scenarios.addAll(RuleTestSuite.parse(name, text));
            }
            catch (IllegalArgumentException unreadable) {
                findings.add(Finding.error(name, null, null, null, unreadable.getMessage(),
                        "Columns are fact names of PRODUCT.md §3, scenario, and expect.* columns"));
            }
        });
        RuleTestSuite.failures(scenarios, ruleset).forEach(failure -> findings.add(Finding.error(
                failure.scenario().file(), null, null, failure.scenario().line(),
                failure.scenario().name() + ": " + String.join("; ", failure.mismatches()),
                "rules fired: " + String.join(" → ", failure.firedRules()))));
        return findings;
    }

    private static Map<String, String> directory(Path ruleTests) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(ruleTests)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(ruleTests)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".csv")).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return files;
    }
}
