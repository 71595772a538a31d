package com.acme.tiering.ruleset;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import com.acme.tiering.facts.Tiers;

/**
 * An immutable, compiled ruleset version: compiled once, evaluated with fresh sessions, swapped whole.
 *
 * <p>Not a pool of sessions: Drools 10.2 resets a pooled session's activation groups before its fact
 * counter, so after the first customer every row of a first-match table fired (docs/performance.md).
 *
 * @param version the sha256 content hash of the rule files
 * @param tierRows the rules that give a tier, best tier first and in table order: what "why not higher" reads
 * @param rulesByPackage the catalog by Drools package and rule name, as a fired rule names itself
 */
public record CompiledRuleset(String version, List<RuleFile> files, KieBase kieBase, Map<String, RuleInfo> catalog,
        List<RuleInfo> tierRows, Map<String, Map<String, RuleInfo>> rulesByPackage) {

    public CompiledRuleset(String version, List<RuleFile> files, KieBase kieBase, Map<String, RuleInfo> catalog) {
        this(version, files, kieBase, catalog, tierRows(catalog), byPackage(catalog));
    }

    /** Sorted once per version, so no evaluation sorts the catalog. */
    private static List<RuleInfo> tierRows(Map<String, RuleInfo> catalog) {
        return catalog.values().stream().filter(rule -> rule.assignsTier() != null)
                .sorted(Comparator.comparing((RuleInfo r) -> Tiers.rank(r.assignsTier()))
                        .thenComparing(r -> r.file())
                        .thenComparing(r -> r.row() != null ? r.row() : r.line() != null ? r.line() : Integer.MAX_VALUE))
                .toList();
    }

    /** Looking a fired rule up by package and name builds no {@code package.name} string per firing. */
    private static Map<String, Map<String, RuleInfo>> byPackage(Map<String, RuleInfo> catalog) {
        Map<String, Map<String, RuleInfo>> packages = new HashMap<>();
        catalog.forEach((key, rule) -> {
            String packageName = key.substring(0, key.length() - rule.name().length() - 1);
            packages.computeIfAbsent(packageName, p -> new HashMap<>()).put(rule.name(), rule);
        });
        packages.replaceAll((p, rules) -> Map.copyOf(rules));
        return Map.copyOf(packages);
    }

    public KieSession newSession() {
        return kieBase.newKieSession();
    }

    /** The catalog entry of a fired rule, by its package and name. */
    public RuleInfo rule(String packageName, String ruleName) {
        RuleInfo info = rulesByPackage.getOrDefault(packageName, Map.of()).get(ruleName);
        return info != null ? info
                : new RuleInfo(ruleName, "?", null, null, null, ruleName, ruleName, List.of(), null, List.of());
    }

    /** Short form of the version for people: the first 12 hex digits. */
    public String shortVersion() {
        return version.substring(0, 12);
    }
}
