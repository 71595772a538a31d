package com.acme.tiering.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** DRL may only read facts and write decisions; everything reaching further is a finding with its line. */
class DrlInspectorTests {

    private static final String HEADER = """
            package com.acme.tiering.rules;
            import com.acme.tiering.facts.CustomerFacts;
            global com.acme.tiering.evaluation.Outcome decision;
            """;

    private static List<Finding> inspect(String body) {
        return DrlInspector.inspect("x.drl", HEADER + body);
    }

    private static String rule(String when, String then) {
        return "rule \"r\"\n    @description(\"System, new File and Runtime in a description are only words\")\n"
                + "when\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    @Test
    void theShippedDrlPasses() {
        for (RuleFile file : new RulesDirectory().read(Path.of("rules"))) {
            if (file.kind() == RuleFile.Kind.DRL) {
                assertThat(DrlInspector.inspect(file.name(), file.text())).as(file.name()).isEmpty();
            }
        }
    }

    @Test
    void aSystemCallInAConsequenceIsNamedByLine() {
        assertThat(inspect(rule("CustomerFacts( latestNps <= 6 )", "System.exit(0);")))
                .singleElement().satisfies(f -> {
                    assertThat(f.line()).isEqualTo(9);
                    assertThat(f.message()).contains("'System'");
                });
    }

    @Test
    void importsBeyondTheFactModelAreRefused() {
        assertThat(DrlInspector.inspect("x.drl", HEADER + "import java.io.File;\n" + rule("CustomerFacts()", "")))
                .anySatisfy(f -> {
                    assertThat(f.line()).isEqualTo(4);
                    assertThat(f.message()).contains("java.io.File");
                });
    }

    @Test
    void functionsOtherGlobalsAndTypeDeclarationsAreRefused() {
        List<Finding> findings = inspect("""
                global java.util.List leaks;
                function void boom() { }
                declare Sneaky
                    value : String
                end
                """);
        assertThat(findings).extracting(Finding::message).anyMatch(m -> m.contains("Global 'leaks'"))
                .anyMatch(m -> m.contains("Functions are not allowed")).anyMatch(m -> m.contains("Type declarations"));
    }

    @Test
    void creatingAnythingButFactsIsRefused() {
        assertThat(inspect(rule("CustomerFacts()", "decision.plan(new StringBuilder(\"x\").toString());")))
                .anySatisfy(f -> assertThat(f.message()).contains("'new StringBuilder'"));
    }

    @Test
    void reflectionAndEvalInConditionsAreRefused() {
        assertThat(inspect(rule("CustomerFacts( name.getClass() != null )", ""))).isNotEmpty();
        assertThat(inspect(rule("eval( true )", ""))).isNotEmpty();
    }

    @Test
    void unicodeEscapesCannotSmuggleCode() {
        assertThat(inspect(rule("CustomerFacts()", "\\u0053ystem.exit(0);")))
                .anySatisfy(f -> assertThat(f.message()).contains("Unicode escapes"));
    }

    @Test
    void wordsInStringsAndCommentsAreNotCode() {
        assertThat(inspect("// System.exit is not called here\n"
                + rule("CustomerFacts( name != \"new File\" )", "decision.plan(\"System\");"))).isEmpty();
    }
}
