package com.acme.tiering.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RulesetCompilerTests {

    private final RulesetCompiler compiler = new RulesetCompiler();
    private final List<RuleFile> shipped = new RulesDirectory().read(Path.of("rules"));

    @Test
    void compilesTheShippedRulesAndCataloguesEveryTableRowBySheetAndRow() {
        CompiledRuleset ruleset = compiler.compile(shipped);

        assertThat(ruleset.catalog().values()).extracting(RuleInfo::source).contains(
                "tiers.xlsx › Tiers › row 11", "tiers.xlsx › Tiers › row 16", "service-plans.xlsx › ServicePlans › row 17",
                "rfm-segments.xlsx › RfmSegments › row 20");
        RuleInfo strategic = ruleset.catalog().values().stream()
                .filter(r -> r.source().equals("tiers.xlsx › Tiers › row 11")).findFirst().orElseThrow();
        assertThat(strategic.description())
                .isEqualTo("Strategic: among the customers making 70% of revenue, and buying regularly");
        assertThat(strategic.assignsTier()).isEqualTo("A");
        assertThat(strategic.reads()).extracting(RuleInfo.FactRead::property)
                .containsExactly("paretoShare", "ordersLast12m");
    }

    @Test
    void cataloguesDrlRulesByLineWithTheirDescription() {
        RuleInfo active = compiler.compile(shipped).catalog().values().stream()
                .filter(r -> r.name().equals("Active: last order at most 90 days ago")).findFirst().orElseThrow();

        assertThat(active.source()).isEqualTo("lifecycle.drl › line 29");
        assertThat(active.description()).isEqualTo("Active: the last order was at most 90 days ago");
        assertThat(active.reads()).extracting(RuleInfo.FactRead::property).contains("recencyDays");
    }

    @Test
    void theVersionIsAHashOfTheContent() {
        String version = compiler.compile(shipped).version();
        List<RuleFile> changed = new ArrayList<>(shipped);
        RuleFile lifecycle = changed.stream().filter(f -> f.name().equals("lifecycle.drl")).findFirst().orElseThrow();
        changed.set(changed.indexOf(lifecycle), new RuleFile("lifecycle.drl",
                (lifecycle.text() + "\n// reviewed\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(compiler.compile(new ArrayList<>(shipped)).version()).isEqualTo(version).hasSize(64);
        assertThat(compiler.compile(changed).version()).isNotEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = { "seventy percent", "abc", "0.7x", "System.exit(0)" })
    void aBrokenCellIsNamedByFileSheetAndCell(String badValue) throws IOException {
        List<RuleFile> files = replace("tiers.xlsx", withCell(file("tiers.xlsx"), 12, 2, badValue));

        assertThatThrownBy(() -> compiler.compile(files)).isInstanceOfSatisfying(RulesetInvalid.class,
                invalid -> assertThat(invalid.findings()).singleElement().satisfies(finding -> {
                    assertThat(finding.file()).isEqualTo("tiers.xlsx");
                    assertThat(finding.sheet()).isEqualTo("Tiers");
                    assertThat(finding.cell()).isEqualTo("C13");
                    assertThat(finding.message()).doesNotContain("tables/").doesNotContain("Line ")
                            .doesNotContain("rule values at");
                }));
    }

    @Test
    void aBrokenDrlLineIsNamed() {
        String drl = "package com.acme.tiering.rules;\n\nrule \"Broken\"\nwhen\n    CustomerFacts( latestNps <= )\n"
                + "then\nend\n";
        List<RuleFile> files = replace("lifecycle.drl", drl.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> compiler.compile(files)).isInstanceOfSatisfying(RulesetInvalid.class,
                invalid -> assertThat(invalid.findings()).anySatisfy(finding -> {
                    assertThat(finding.file()).isEqualTo("lifecycle.drl");
                    assertThat(finding.line()).isEqualTo(5);
                }));
    }

    @Test
    void aFileThatIsNoSpreadsheetIsRefusedByName() {
        List<RuleFile> files = replace("tiers.xlsx", "just some text".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> compiler.compile(files)).isInstanceOfSatisfying(RulesetInvalid.class,
                invalid -> assertThat(invalid.findings()).singleElement().satisfies(finding -> {
                    assertThat(finding.file()).isEqualTo("tiers.xlsx");
                    assertThat(finding.message()).contains("not an Excel or LibreOffice Calc spreadsheet");
                }));
    }

    @Test
    void aWorkbookWithoutRuleTableIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("just notes");
            workbook.write(bytes);
        }
        List<RuleFile> files = replace("tiers.xlsx", bytes.toByteArray());

        assertThatThrownBy(() -> compiler.compile(files)).isInstanceOfSatisfying(RulesetInvalid.class,
                invalid -> assertThat(invalid.findings()).singleElement()
                        .satisfies(finding -> assertThat(finding.message()).contains("RuleTable")));
    }

    @Test
    void aWorkbookWhoseMergedCellsLostTheirCoveredCellsStillGroupsItsConditions() throws IOException {
        byte[] stripped;
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file("tiers.xlsx")))) {
            org.apache.poi.ss.usermodel.Row objectTypes = workbook.getSheetAt(0).getRow(7);
            for (int column = 3; column <= 5; column++) {
                objectTypes.removeCell(objectTypes.getCell(column));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            stripped = out.toByteArray();
        }

        CompiledRuleset ruleset = compiler.compile(replace("tiers.xlsx", stripped));

        assertThat(ruleset.catalog().values()).filteredOn(r -> r.source().equals("tiers.xlsx › Tiers › row 11"))
                .singleElement().satisfies(r -> assertThat(r.reads()).extracting(RuleInfo.FactRead::property)
                        .containsExactly("paretoShare", "ordersLast12m"));
    }

    @Test
    void decimalCellsCompareExactly() {
        assertThat(DecisionTableTranslator.exactDecimals("CustomerFacts(paretoShare <= 0.7, ordersLast12m >= 6)"))
                .isEqualTo("CustomerFacts(paretoShare <= 0.7B, ordersLast12m >= 6)");
    }

    private byte[] file(String name) {
        return shipped.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().content();
    }

    private List<RuleFile> replace(String name, byte[] content) {
        List<RuleFile> files = new ArrayList<>(shipped.stream().filter(f -> !f.name().equals(name)).toList());
        files.add(new RuleFile(name, content));
        return files;
    }

    /** A copy of the workbook with one cell (0-based row and column) set to a text. */
    private static byte[] withCell(byte[] xlsx, int row, int column, String text) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            workbook.getSheetAt(0).getRow(row).createCell(column).setCellValue(text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
