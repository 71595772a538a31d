package com.acme.tiering.ruleset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The policy of ruleset versions ({@link RulesetPolicy}): their tiers, entitlements, plan rows and churn triggers,
 * read once per content (the content hash, as {@link CompiledRulesets} keys versions) and kept for the few versions a
 * person compares, without compiling them: a policy is small, a compiled version holds classes.
 */
@Component
public class RulesetPolicies {

    /** The version in force and the versions people have opened beside it lately. */
    static final int CAPACITY = 16;

    private final Map<String, Optional<RulesetPolicy>> byHash = new LinkedHashMap<>(CAPACITY + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<RulesetPolicy>> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The policy of a compiled version, with the very catalog it compiled with. */
    public RulesetPolicy of(CompiledRuleset ruleset) {
        return cached(ruleset.version(), () -> PolicyReader.read(ruleset.files(), ruleset.tiers())).orElseThrow();
    }

    /**
     * The policy of a stored version's files; empty when they hold no readable tier catalog (a version rejected for
     * it: its findings say why).
     */
    public Optional<RulesetPolicy> of(List<RuleFile> files) {
        return cached(RulesetCompiler.contentHash(files), () -> PolicyReader.read(files, null));
    }

    private Optional<RulesetPolicy> cached(String hash, java.util.function.Supplier<Optional<RulesetPolicy>> read) {
        synchronized (byHash) {
            Optional<RulesetPolicy> known = byHash.get(hash);
            if (known != null) {
                return known;
            }
        }
        Optional<RulesetPolicy> policy = read.get();
        synchronized (byHash) {
            byHash.putIfAbsent(hash, policy);
        }
        return policy;
    }
}
