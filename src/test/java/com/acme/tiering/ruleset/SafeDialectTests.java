package com.acme.tiering.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A spreadsheet may hold values and allowed templates only; anything that would be code names its cell. */
class SafeDialectTests {

    private final List<RuleFile> shipped = new RulesDirectory().read(Path.of("rules"));
    private final TierCatalog tiers = TierCatalogReader.read(shipped).catalog();

    @Test
    void theShippedTablesSpeakTheSafeDialect() throws IOException {
        for (RuleFile file : shipped.stream().filter(f -> f.name().endsWith(".xlsx")).toList()) {
            assertThat(SafeDialect.inspect(file.name(), SheetGrid.ofWorkbook(file.content()), tiers)).as(file.name())
                    .isEmpty();
        }
    }

    @Test
    void codeInADataCellIsRefusedByCell() throws IOException {
        assertFinding(sheet -> set(sheet, 12, 6, "System.exit(0)"), "G13", "not a plain value");
    }

    @Test
    void textInANumberColumnIsRefusedByCell() throws IOException {
        assertFinding(sheet -> set(sheet, 13, 3, "twenty thousand"), "D14", "not a number");
    }

    @Test
    void aFunctionsEntryIsRefused() throws IOException {
        assertFinding(sheet -> {
            set(sheet, 3, 0, "Functions");
            set(sheet, 3, 1, "function void boom() { System.exit(0); }");
        }, "A4", "'Functions' is not allowed");
    }

    @Test
    void anImportIsRefused() throws IOException {
        assertFinding(sheet -> {
            set(sheet, 3, 0, "Import");
            set(sheet, 3, 1, "java.io.File");
        }, "A4", "'Import' is not allowed");
    }

    @Test
    void anUnknownFactInATemplateIsRefused() throws IOException {
        assertFinding(sheet -> set(sheet, 8, 3, "revenue12m >= $param"), "D9",
                "'revenue12m' is not a fact of CustomerFacts");
    }

    @Test
    void anActionOutsideTheAllowListIsRefused() throws IOException {
        assertFinding(sheet -> set(sheet, 8, 6, "decision.tier(\"$param\"); System.exit(0);"),
                "G9", "not an allowed action");
    }

    @Test
    void anUnknownTierOrAnOutOfRangeShareIsRefused() throws IOException {
        assertFinding(sheet -> set(sheet, 10, 6, "Z"), "G11", "'Z' is not a known tier");
        assertFinding(sheet -> set(sheet, 10, 2, 1.5), "C11", "paretoShare must be between 0 and 1");
    }

    @Test
    void aDescriptionCannotCloseTheCommentItBecomes() throws IOException {
        assertFinding(sheet -> set(sheet, 10, 1, "x */ rule \"evil\" when then end /*"), "B11",
                "may not contain");
    }

    @Test
    void formulasAreRefused() throws IOException {
        assertFinding(sheet -> formula(sheet, 10, 2, "0.5+0.2"), "C11", "Formulas are not allowed");
    }

    @Test
    void aRowAnEarlierRowAlwaysMatchesFirstCanNeverFire() throws IOException {
        assertFinding(sheet -> {
            set(sheet, 11, 2, 0.9);
            set(sheet, 12, 2, 0.8);
        }, "A13", "This row can never fire: row 12 (Key: top 70%, irregular buyer)");
    }

    @Test
    void aCatchAllRowAboveOthersHidesThemAll() throws IOException {
        assertFinding(sheet -> {
            set(sheet, 14, 4, "");
            set(sheet, 14, 0, "Everyone else");
        }, "A16", "row 15 (Everyone else)");
    }

    @Test
    void inATableWhereEveryMatchFiresOverlappingRowsWithDifferentOutcomesAreFound() throws IOException {
        assertFinding(sheet -> set(sheet, 1, 1, "false"), "A12",
                "row 11 (Strategic: top 70% and buying regularly) can match the same customer with different outcomes");
    }

    @Test
    void rowsThatCannotMatchTheSameCustomerDoNotOverlap() throws IOException {
        List<Finding> findings = new ArrayList<>();
        byte[] rfm = shipped.stream().filter(f -> f.name().equals("rfm-segments.xlsx")).findFirst().orElseThrow()
                .content();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(rfm))) {
            set(workbook.getSheetAt(0), 1, 1, "false");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            for (SheetGrid grid : SheetGrid.ofWorkbook(out.toByteArray())) {
                findings.addAll(SafeDialect.inspect("rfm-segments.xlsx", grid, tiers));
            }
        }
        assertThat(findings).as("the ten RFM rows cover the 25 score pairs without overlap").isEmpty();
    }

    @Test
    void ruleNamesMustBeUnique() throws IOException {
        assertFinding(sheet -> set(sheet, 12, 0, "Key: top 70%, irregular buyer"), "A13", "is already used in A12");
    }

    @Test
    void theCompilerNeverHandsAnUnsafeTableToDrools() throws IOException {
        List<RuleFile> files = new ArrayList<>(shipped.stream().filter(f -> !f.name().equals("tiers.xlsx")).toList());
        files.add(new RuleFile("tiers.xlsx", edited(sheet -> set(sheet, 12, 6, "System.exit(0)"))));

        assertThatThrownBy(() -> new RulesetCompiler().compile(files)).isInstanceOfSatisfying(RulesetInvalid.class,
                invalid -> assertThat(invalid.findings()).singleElement().satisfies(f -> {
                    assertThat(f.location()).isEqualTo("tiers.xlsx › Tiers › G13");
                    assertThat(f.hint()).isNotBlank();
                }));
    }

    private void assertFinding(Consumer<Sheet> edit, String cell, String message) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (SheetGrid grid : SheetGrid.ofWorkbook(edited(edit))) {
            findings.addAll(SafeDialect.inspect("tiers.xlsx", grid, tiers));
        }
        assertThat(findings).anySatisfy(finding -> {
            assertThat(finding.cell()).isEqualTo(cell);
            assertThat(finding.sheet()).isEqualTo("Tiers");
            assertThat(finding.message()).contains(message);
        });
    }

    /**
     * Replaces a cell rather than editing it: the shipped workbooks hold inline strings, which POI does
     * not rewrite in place.
     */
    private static void set(Sheet sheet, int row, int column, Object value) {
        org.apache.poi.ss.usermodel.Row r = sheet.getRow(row);
        if (r.getCell(column) != null) {
            r.removeCell(r.getCell(column));
        }
        if (value instanceof Number number) {
            r.createCell(column).setCellValue(number.doubleValue());
        }
        else {
            r.createCell(column).setCellValue(String.valueOf(value));
        }
    }

    private static void formula(Sheet sheet, int row, int column, String formula) {
        set(sheet, row, column, "");
        sheet.getRow(row).getCell(column).setCellFormula(formula);
    }

    private byte[] edited(Consumer<Sheet> edit) throws IOException {
        byte[] tiers = shipped.stream().filter(f -> f.name().equals("tiers.xlsx")).findFirst().orElseThrow().content();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(tiers))) {
            edit.accept(workbook.getSheetAt(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
