package com.acme.tiering.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.CsvText;

/**
 * Business scenarios as CSV files (rule-tests/*.csv): one scenario per row, fact columns named as in
 * PRODUCT.md §3, expectation columns {@code expect.tier}, {@code expect.plan},
 * {@code expect.lifecycleStage}, {@code expect.rfmSegment}, {@code expect.churnTriggers}; a column named after a
 * customer attribute the rules declare sets that attribute (an empty cell: the customer has no value).
 */
public final class RuleTestSuite {

    private static final String EXPECT = "expect.";

    private RuleTestSuite() {
    }

    public static List<RuleScenario> read(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<RuleScenario> scenarios = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                scenarios.addAll(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
            return scenarios;
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public static List<RuleScenario> parse(String fileName, String csv) {
        List<List<String>> rows = CsvText.parse(csv);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0).stream().map(String::trim).toList();
        List<RuleScenario> scenarios = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.stream().allMatch(String::isBlank) || row.get(0).startsWith("#")) {
                continue;
            }
            scenarios.add(scenario(fileName, i + 1, header, row));
        }
        return scenarios;
    }

    private static RuleScenario scenario(String file, int line, List<String> header, List<String> row) {
        Map<String, String> facts = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        String name = "row " + line;
        for (int c = 0; c < header.size() && c < row.size(); c++) {
            String column = header.get(c);
            String value = row.get(c).trim();
            if (column.equals("scenario")) {
                name = value;
            }
            else if (column.startsWith(EXPECT) && !value.isEmpty()) {
                expected.put(column.substring(EXPECT.length()), value);
            }
            else if (!column.startsWith(EXPECT)) {
                facts.put(column, value);
            }
        }
        try {
            return new RuleScenario(file, line, name, ScenarioFacts.from(facts), expected);
        }
        catch (IllegalArgumentException badValue) {
            throw new IllegalArgumentException(file + " line " + line + ": " + badValue.getMessage(), badValue);
        }
    }

    public static RuleScenario.Result run(RuleScenario scenario, CompiledRuleset ruleset) {
        List<String> mismatches = new ArrayList<>();
        CustomerFacts facts = ScenarioFacts.typed(scenario.facts(), ruleset.attributes(), mismatches);
        if (!mismatches.isEmpty()) {
            return new RuleScenario.Result(scenario, mismatches, List.of(), List.of());
        }
        Evaluation result = Evaluator.run(facts, ruleset);
        Map<String, String> actual = Map.of("tier", result.tier(),
                "plan", result.servicePlan() == null ? "-" : result.servicePlan().code(),
                "lifecycleStage", orNone(result.lifecycleStage()), "rfmSegment", orNone(result.rfmSegment()),
                "churnTriggers", triggers(result));
        scenario.expected().forEach((what, expected) -> {
            if (!actual.containsKey(what)) {
                entitlement(result, what, expected).ifPresent(mismatches::add);
                return;
            }
            String normalisedExpected = what.equals("churnTriggers") ? sortedTriggers(expected) : expected;
            String got = actual.get(what);
            if (!normalisedExpected.equals(got)) {
                mismatches.add("expected " + what + " " + normalisedExpected + " but was " + got);
            }
        });
        List<String> fired = result.explanation().firedRules().stream()
                .map(rule -> rule.rule() + " [" + rule.source() + "]").toList();
        List<String> keys = result.explanation().firedRules().stream().map(Explanation.FiredRule::source).toList();
        return new RuleScenario.Result(scenario, mismatches, fired, keys);
    }

    /**
     * An expectation on an entitlement the plan table declares ({@code expect.freeShipping}): yes/no, a number
     * (5 matches 5.0) or a text; {@code -} expects none. The mismatch, if any.
     */
    private static Optional<String> entitlement(Evaluation result, String name, String expected) {
        Object value = result.servicePlan() == null ? null : result.servicePlan().entitlements().get(name);
        String got = value == null ? "-" : value instanceof Boolean yes ? (yes ? "yes" : "no") : value.toString();
        boolean same;
        if (value instanceof Boolean yes) {
            same = expected.equalsIgnoreCase(yes ? "yes" : "no") || expected.equalsIgnoreCase(yes.toString());
        }
        else if (value instanceof Number number && expected.matches("-?\\d+(\\.\\d+)?")) {
            same = new BigDecimal(number.toString()).compareTo(new BigDecimal(expected)) == 0;
        }
        else {
            same = got.equals(expected);
        }
        return same ? Optional.empty() : Optional.of("expected " + name + " " + expected + " but was " + got);
    }

    /** Every scenario against a ruleset; the failures, in file and line order. */
    public static List<RuleScenario.Result> failures(List<RuleScenario> scenarios, CompiledRuleset ruleset) {
        return scenarios.stream().map(s -> run(s, ruleset)).filter(r -> !r.passed()).toList();
    }

    /** Sources (file › sheet › row, or file › line) of rules no scenario made fire. */
    public static Set<String> unexercised(CompiledRuleset ruleset, List<RuleScenario.Result> results) {
        Set<String> fired = new HashSet<>();
        results.forEach(result -> fired.addAll(result.firedRuleKeys()));
        Set<String> missing = new TreeSet<>();
        ruleset.catalog().values().stream().filter(rule -> !fired.contains(rule.source()))
                .forEach(rule -> missing.add(rule.source() + " (" + rule.name() + ")"));
        return missing;
    }

    private static String triggers(Evaluation result) {
        return result.churnSignals().isEmpty() ? "-" : sortedTriggers(String.join(" ",
                result.churnSignals().stream().map(Evaluation.ChurnSignal::triggerId).toList()));
    }

    private static String sortedTriggers(String triggers) {
        return triggers.equals("-") ? "-" : String.join(" ", new TreeSet<>(Arrays.asList(triggers.trim().split("\\s+"))));
    }

    private static String orNone(String value) {
        return value == null ? "-" : value;
    }
}
