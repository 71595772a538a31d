package com.acme.tiering.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.ruleset.RuleInfo;
import com.acme.tiering.ruleset.RulesDirectory;
import com.acme.tiering.ruleset.RulesetCompiler;

/** The decision tables saved by LibreOffice Calc as .xlsx and as Excel 97 .xls decide exactly as the originals. */
class SpreadsheetFormatsTests {

    @ParameterizedTest
    @ValueSource(strings = { "libreoffice-xlsx", "libreoffice-xls" })
    void resavedWorkbooksCompileToTheSameRulesAndPassEveryScenario(String folder) throws IOException {
        List<RuleFile> files = new ArrayList<>(new RulesDirectory().read(Path.of("rules")).stream()
                .filter(f -> f.kind() == RuleFile.Kind.DRL || f.name().equals("tier-catalog.xlsx")).toList());
        try (Stream<Path> saved = Files.list(Path.of("src/test/resources/workbooks", folder))) {
            for (Path path : saved.toList()) {
                files.add(new RuleFile(path.getFileName().toString(), Files.readAllBytes(path)));
            }
        }

        CompiledRuleset resaved = new RulesetCompiler().compile(files);

        assertThat(sources(resaved)).isEqualTo(sources(ShippedRules.ruleset()).stream()
                .map(source -> folder.endsWith("xls") ? source.replace(".xlsx", ".xls") : source).sorted().toList());
        assertThat(RuleTestSuite.failures(RuleTestSuite.read(ShippedRules.RULE_TESTS), resaved)).isEmpty();
    }

    private static List<String> sources(CompiledRuleset ruleset) {
        return ruleset.catalog().values().stream().map(RuleInfo::source).sorted().toList();
    }
}
