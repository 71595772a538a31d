package com.acme.tiering.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.acme.tiering.ruleset.RuleFile;

/**
 * The shipped rule-test scenarios (rule-tests/) as the builders of rule changes move them: a scenario line replaced
 * by the one the change makes true, and the file uploaded with the change.
 */
final class RuleTests {

    private static final Path RULE_TESTS = Path.of("rule-tests");

    private RuleTests() {
    }

    /** The text of a shipped scenario file, e.g. tiers.csv. */
    static String read(String name) {
        try {
            return Files.readString(RULE_TESTS.resolve(name));
        }
        catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }

    /** The scenario line replaced; a scenario that has changed in rule-tests/ is said, not silently kept. */
    static String replaced(String csv, String scenario, String moved) {
        if (!csv.contains(scenario)) {
            throw new IllegalStateException("rule-tests/ no longer has the scenario '" + scenario + "'");
        }
        return csv.replace(scenario, moved);
    }

    /** Scenarios to upload with a change, under the name of the file they replace. */
    static RuleFile file(String name, String csv) {
        return new RuleFile(name, csv.getBytes(StandardCharsets.UTF_8));
    }
}
