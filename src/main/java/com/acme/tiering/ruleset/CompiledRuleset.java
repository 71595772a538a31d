package com.acme.tiering.ruleset;

import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

/**
 * An immutable, compiled ruleset version: compiled once, evaluated with fresh sessions, swapped whole.
 *
 * <p>Not a pool of sessions: Drools 10.2 resets a pooled session's activation groups before its fact
 * counter, so after the first customer every row of a first-match table fired (docs/performance.md).
 *
 * @param version the sha256 content hash of the rule files
 * @param tierRows the rules that give a tier, best tier first and in table order: what "why not higher" reads
 * @param firedRules the catalog by the compiled rules themselves, as a fired match names its rule
 * @param tiers the version's tier catalog: codes, names, ranks and colours of its tiers
 * @param attributes the customer attributes the version declares, which its rules may read and customers carry
 */
public record CompiledRuleset(String version, List<RuleFile> files, KieBase kieBase, Map<String, RuleInfo> catalog,
        List<RuleInfo> tierRows, Map<Rule, RuleInfo> firedRules, TierCatalog tiers, AttributeDeclarations attributes) {

    public CompiledRuleset {
        attributes = attributes == null ? AttributeDeclarations.NONE : attributes;
    }

    public CompiledRuleset(String version, List<RuleFile> files, KieBase kieBase, Map<String, RuleInfo> catalog,
            TierCatalog tiers, AttributeDeclarations attributes) {
        this(version, files, kieBase, catalog, tierRows(catalog, tiers), firedRules(kieBase, catalog), tiers,
                attributes);
    }

    public CompiledRuleset(String version, List<RuleFile> files, KieBase kieBase, Map<String, RuleInfo> catalog,
            TierCatalog tiers) {
        this(version, files, kieBase, catalog, tiers, AttributeDeclarations.NONE);
    }

    public CompiledRuleset(String version, List<RuleFile> files, KieBase kieBase, Map<String, RuleInfo> catalog,
            List<RuleInfo> tierRows, Map<Rule, RuleInfo> firedRules, TierCatalog tiers) {
        this(version, files, kieBase, catalog, tierRows, firedRules, tiers, AttributeDeclarations.NONE);
    }

    /** Sorted once per version, so no evaluation sorts the catalog. */
    private static List<RuleInfo> tierRows(Map<String, RuleInfo> catalog, TierCatalog tiers) {
        return catalog.values().stream().filter(rule -> rule.assignsTier() != null)
                .sorted(Comparator.comparing((RuleInfo r) -> tiers.rank(r.assignsTier()))
                        .thenComparing(r -> r.file())
                        .thenComparing(r -> r.row() != null ? r.row() : r.line() != null ? r.line() : Integer.MAX_VALUE))
                .toList();
    }

    /**
     * Keyed by identity: a fired match hands over the very rule object the KieBase holds, so finding its
     * catalog entry compares no names.
     */
    private static Map<Rule, RuleInfo> firedRules(KieBase kieBase, Map<String, RuleInfo> catalog) {
        Map<Rule, RuleInfo> rules = new IdentityHashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                RuleInfo info = catalog.get(kiePackage.getName() + "." + rule.getName());
                if (info != null) {
                    rules.put(rule, info);
                }
            }
        }
        return Collections.unmodifiableMap(rules);
    }

    public KieSession newSession() {
        return kieBase.newKieSession();
    }

    /** The catalog entry of a fired rule. */
    public RuleInfo rule(Rule rule) {
        RuleInfo info = firedRules.get(rule);
        return info != null ? info : rule(rule.getPackageName(), rule.getName());
    }

    /** The catalog entry of a fired rule, by its package and name. */
    public RuleInfo rule(String packageName, String ruleName) {
        RuleInfo info = catalog.get(packageName + "." + ruleName);
        return info != null ? info
                : new RuleInfo(ruleName, "?", null, null, null, ruleName, ruleName, List.of(), null, List.of());
    }

    /** Short form of the version for people: the first 12 hex digits. */
    public String shortVersion() {
        return version.substring(0, 12);
    }
}
