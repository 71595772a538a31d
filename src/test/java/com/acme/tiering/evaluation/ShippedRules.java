package com.acme.tiering.evaluation;

import java.nio.file.Path;

import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.RulesDirectory;
import com.acme.tiering.ruleset.RulesetCompiler;

/** The rules shipped in ./rules, compiled once per test JVM: they are what the scenarios test. */
final class ShippedRules {

    static final Path RULES = Path.of("rules");
    static final Path RULE_TESTS = Path.of("rule-tests");

    private static CompiledRuleset compiled;

    private ShippedRules() {
    }

    static synchronized CompiledRuleset ruleset() {
        if (compiled == null) {
            compiled = new RulesetCompiler().compile(new RulesDirectory().read(RULES));
        }
        return compiled;
    }

    static Evaluator evaluator() {
        return new Evaluator(new ActiveRuleset(ruleset()));
    }
}
