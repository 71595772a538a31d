package com.acme.tiering.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.acme.tiering.decision.Decision;
import com.acme.tiering.evaluation.Explanation;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.RuleInfo;
import com.acme.tiering.ruleset.RulesetActivated;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The rule counters follow the version in force: listed at 0, counted, and dropped when it is replaced. */
class RuleFiringsTests {

    private static final RuleInfo GOLD_ROW = row("Strategic: top share", 12);
    private static final RuleInfo SILVER_ROW = row("Key: fast-growing", 13);
    private static final RuleInfo NEW_ROW = row("Key: steady", 14);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void listsEveryRuleOfTheVersionInForceAtZeroAndCountsEachFiringOfItsDecisions() {
        ActiveRuleset active = new ActiveRuleset(version("v1aaaaaaaaaaaaaa", GOLD_ROW, SILVER_ROW));
        RuleFirings firings = new RuleFirings(registry, active);
        assertThat(counts()).containsOnly(Map.entry("row 12 v1aaaaaaaaaa", 0.0), Map.entry("row 13 v1aaaaaaaaaa", 0.0));

        firings.count(List.of(decision("v1aaaaaaaaaaaaaa", SILVER_ROW), decision("v1aaaaaaaaaaaaaa", SILVER_ROW)));

        assertThat(counts()).containsOnly(Map.entry("row 12 v1aaaaaaaaaa", 0.0), Map.entry("row 13 v1aaaaaaaaaa", 2.0));
    }

    @Test
    void aNewVersionReplacesTheCountersOfTheOldAndLateDecisionsOfTheOldAreNotCounted() {
        ActiveRuleset active = new ActiveRuleset(version("v1aaaaaaaaaaaaaa", GOLD_ROW, SILVER_ROW));
        RuleFirings firings = new RuleFirings(registry, active);
        firings.count(List.of(decision("v1aaaaaaaaaaaaaa", SILVER_ROW)));

        active.activate(version("v2bbbbbbbbbbbbbb", SILVER_ROW, NEW_ROW));
        firings.onActivated(new RulesetActivated(2, "v2bbbbbbbbbbbbbb", 1L, "v1aaaaaaaaaaaaaa", "PUBLISHED", "ops"));
        firings.count(List.of(decision("v1aaaaaaaaaaaaaa", SILVER_ROW), decision("v2bbbbbbbbbbbbbb", NEW_ROW)));

        assertThat(counts()).containsOnly(Map.entry("row 13 v2bbbbbbbbbb", 0.0), Map.entry("row 14 v2bbbbbbbbbb", 1.0));
    }

    /** Each counter as "row N version" → count. */
    private Map<String, Double> counts() {
        return registry.find(RuleFirings.NAME).counters().stream().collect(Collectors.toMap(
                c -> c.getId().getTag("source").replace("tiers.xlsx › Tiers › ", "") + " " + c.getId().getTag("version"),
                Counter::count));
    }

    private static RuleInfo row(String name, int row) {
        return new RuleInfo(name, "tiers.xlsx", "Tiers", row, null, "tiers.xlsx › Tiers › row " + row, name, List.of(),
                null, List.of());
    }

    private static CompiledRuleset version(String version, RuleInfo... rules) {
        // only the catalog matters to the counters: no KieBase, so no compiled rules to index
        Map<String, RuleInfo> catalog = java.util.Arrays.stream(rules)
                .collect(Collectors.toMap(r -> "rules." + r.name(), r -> r));
        return new CompiledRuleset(version, List.of(), null, catalog, List.of(), Map.of(), null);
    }

    private static Decision decision(String version, RuleInfo fired) {
        Explanation explanation = new Explanation("", List.of(new Explanation.FiredRule(fired.name(), fired.file(),
                fired.sheet(), fired.row(), null, fired.source(), fired.description(), Map.of())), List.of(), List.of());
        return new Decision("C-1", "B", "Key", "B", "B", null, null, null, null, null, null, null, "NONE", List.of(),
                version, null, null, null, null, explanation, null);
    }
}
