package com.acme.tiering.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.tiering.support.Workbooks;

/**
 * A table saved in two formats, or rules repeated by a second file, are told as what they are: which files hold
 * the same table, or where each copy of a rule is, never a "Duplicate rule name" pinned to a cell that is fine.
 */
class DuplicateRulesTests {

    private final RulesetCompiler compiler = new RulesetCompiler();
    private final List<RuleFile> shipped = new RulesDirectory().read(Path.of("rules"));

    @Test
    void aWorkbookNamedLikeAnotherButForItsSpreadsheetExtensionHoldsTheSameTable() {
        RuleFile xlsx = file("tiers.xlsx");

        assertThat(file("tiers.xls").replaces(xlsx)).isTrue();
        assertThat(file("tiers.csv").replaces(xlsx)).isTrue();
        assertThat(file("tiers.xlsx").replaces(xlsx)).isTrue();
        assertThat(file("tiers.drl").replaces(xlsx)).isFalse();
        assertThat(file("tiers-2024.xlsx").replaces(xlsx)).isFalse();
        assertThat(file("Tiers.xls").replaces(xlsx)).isFalse();
        assertThat(file("lifecycle.drl").replaces(file("lifecycle.drl"))).isTrue();
        assertThat(file("churn-triggers.xlsx").replaces(file("churn-triggers.drl")))
                .as("a table takes over the DRL file whose rules it now holds").isTrue();
        assertThat(file("tiers.xls").table()).isEqualTo("tiers");
        assertThat(file("lifecycle.drl").table()).isNull();
    }

    @Test
    void aTableSavedInTwoFormatsIsOneFindingNamingBothFiles() {
        List<RuleFile> files = new ArrayList<>(shipped);
        files.add(new RuleFile("tiers.xls", Workbooks.asXls(content("tiers.xlsx"))));

        assertThatThrownBy(() -> compiler.compile(files)).isInstanceOfSatisfying(RulesetInvalid.class,
                invalid -> assertThat(invalid.findings()).singleElement().satisfies(finding -> {
                    assertThat(finding.file()).isEqualTo("tiers.xlsx");
                    assertThat(finding.message()).isEqualTo("tiers.xls and tiers.xlsx both hold the decision table "
                            + "'tiers' (saved as .xls and as .xlsx), so each of its rules would be defined twice");
                    assertThat(finding.hint()).contains("Keep one file per table");
                }));
    }

    @Test
    void aSecondFileRepeatingATablesRulesNamesBothRowsAndPinsTheRepeatedNameCell() {
        List<RuleFile> files = new ArrayList<>(shipped);
        files.add(new RuleFile("tiers-copy.xlsx", content("tiers.xlsx")));

        assertThatThrownBy(() -> compiler.compile(files)).isInstanceOfSatisfying(RulesetInvalid.class,
                invalid -> {
                    assertThat(invalid.findings()).hasSize(6).allSatisfy(finding -> {
                        assertThat(finding.hint()).contains("Rule names must be unique across all rule files")
                                .doesNotContain("template");
                        assertThat(finding.file()).isEqualTo("tiers.xlsx");
                    });
                    assertThat(invalid.findings()).anySatisfy(finding -> {
                        assertThat(finding.location()).isEqualTo("tiers.xlsx › Tiers › A14");
                        assertThat(finding.message()).isEqualTo("The rule name 'Key: fast-growing account' is used "
                                + "twice: tiers-copy.xlsx › Tiers › row 14 and tiers.xlsx › Tiers › row 14");
                    });
                });
    }

    @Test
    void aDrlRuleDefinedInTwoFilesNamesBothLines() {
        List<RuleFile> files = new ArrayList<>(shipped);
        RuleFile lifecycle = file("lifecycle.drl");
        String text = new String(content("lifecycle.drl"), java.nio.charset.StandardCharsets.UTF_8);
        int line = (int) text.substring(0, text.indexOf("rule \"")).lines().count() + 1;
        files.add(new RuleFile("lifecycle-old.drl", content(lifecycle.name())));

        assertThatThrownBy(() -> compiler.compile(files)).isInstanceOfSatisfying(RulesetInvalid.class,
                invalid -> assertThat(invalid.findings()).first().satisfies(finding -> {
                    assertThat(finding.file()).isEqualTo("lifecycle.drl");
                    assertThat(finding.line()).isEqualTo(line);
                    assertThat(finding.message()).matches("The rule name '.+' is used twice: "
                            + "lifecycle-old\\.drl › line " + line + " and lifecycle\\.drl › line " + line);
                }));
    }

    private byte[] content(String name) {
        return shipped.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().content();
    }

    private static RuleFile file(String name) {
        return new RuleFile(name, new byte[0]);
    }
}
