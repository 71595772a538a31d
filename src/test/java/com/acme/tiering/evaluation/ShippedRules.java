package com.acme.tiering.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.RuleFile;
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

    /** The shipped rules with one file replaced by another (which may have another name, e.g. .xlsx by .csv). */
    static CompiledRuleset compileWith(RuleFile file, String replacing) {
        List<RuleFile> files = new ArrayList<>(new RulesDirectory().read(RULES).stream()
                .filter(f -> !f.name().equals(replacing) && !f.name().equals(file.name())).toList());
        files.add(file);
        return new RulesetCompiler().compile(files);
    }

    /** The content of one shipped rule file. */
    static byte[] file(String name) {
        return new RulesDirectory().read(RULES).stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow()
                .content();
    }

    static Evaluator evaluator() {
        return new Evaluator(new ActiveRuleset(ruleset()));
    }
}
