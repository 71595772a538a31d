package com.acme.tiering.ruleset;

import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * An immutable, compiled ruleset version: compiled once, evaluated with fresh sessions, swapped whole.
 *
 * @param version the sha256 content hash of the rule files
 */
public record CompiledRuleset(String version, List<RuleFile> files, KieBase kieBase, Map<String, RuleInfo> catalog) {

    public KieSession newSession() {
        return kieBase.newKieSession();
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
