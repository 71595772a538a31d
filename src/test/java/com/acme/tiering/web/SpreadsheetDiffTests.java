package com.acme.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.support.Workbooks;
import com.acme.tiering.web.SpreadsheetDiff.CellChange;
import com.acme.tiering.web.SpreadsheetDiff.RowChange;
import com.acme.tiering.web.SpreadsheetDiff.SheetDiff;

class SpreadsheetDiffTests {

    private static final List<List<Object>> TABLE = List.of(
            List.of("Rule", "paretoShare", "tier"),
            List.of("Strategic", 0.7, "A"),
            List.of("Key", 0.9, "B"),
            List.of("Standard", "", "C"));

    @Test
    void anEditedThresholdIsOneCellWithItsReferenceBeforeAndAfter() throws IOException {
        byte[] shipped = Files.readAllBytes(Path.of("rules/tiers.xlsx"));
        byte[] edited = Workbooks.withCell(shipped, "Tiers", 12, 2, 0.93);

        SheetDiff tiers = diff("tiers.xlsx", shipped, edited).sheets().get(0);

        assertThat(tiers.name()).isEqualTo("Tiers");
        assertThat(tiers.status()).isEqualTo("CHANGED");
        assertThat(tiers.cells()).containsExactly(new CellChange("C13", "C13", "0.9", "0.93"));
        assertThat(tiers.rows()).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo("CHANGED");
            assertThat(row.afterRow()).isEqualTo(13);
            assertThat(row.cells().stream().filter(SpreadsheetDiff.GridCell::changed).map(SpreadsheetDiff.GridCell::column))
                    .containsExactly("C");
            assertThat(row.cells().get(0).after()).isEqualTo("Key: next 20% of revenue");
        });
        assertThat(tiers.columns()).startsWith("A", "B", "C").contains("G");
    }

    @Test
    void anInsertedRuleRowIsOneAddedRowNotEveryRowBelowItChanged() {
        List<List<Object>> inserted = List.of(TABLE.get(0), TABLE.get(1), List.of("Key: growing", 0.95, "B"),
                TABLE.get(2), TABLE.get(3));

        SheetDiff sheet = diff("t.xlsx", xlsx(TABLE), xlsx(inserted)).sheets().get(0);

        assertThat(sheet.cells()).isEmpty();
        assertThat(sheet.rows()).extracting(RowChange::kind, RowChange::beforeRow, RowChange::afterRow)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ADDED", null, 3));
        assertThat(sheet.addedOrRemoved()).hasSize(1);
    }

    @Test
    void aRemovedRowIsNamedByItsNumberBefore() {
        List<List<Object>> removed = List.of(TABLE.get(0), TABLE.get(2), TABLE.get(3));

        SheetDiff sheet = diff("t.xlsx", xlsx(TABLE), xlsx(removed)).sheets().get(0);

        assertThat(sheet.rows()).extracting(RowChange::kind, RowChange::beforeRow)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REMOVED", 2));
        assertThat(sheet.rows().get(0).cells().get(0).before()).isEqualTo("Strategic");
    }

    @Test
    void aCellFilledOrEmptiedCountsAsAChange() {
        List<List<Object>> filled = List.of(TABLE.get(0), TABLE.get(1), TABLE.get(2), List.of("Standard", 1.0, ""));

        SheetDiff sheet = diff("t.xlsx", xlsx(TABLE), xlsx(filled)).sheets().get(0);

        assertThat(sheet.cells()).containsExactly(new CellChange("B4", "B4", null, "1"),
                new CellChange("C4", "C4", "C", null));
    }

    @Test
    void oldExcelWorkbooksAreComparedToo() {
        List<List<Object>> edited = List.of(TABLE.get(0), List.of("Strategic", 0.65, "A"), TABLE.get(2), TABLE.get(3));

        SheetDiff sheet = diff("t.xls", xls(TABLE), xls(edited)).sheets().get(0);

        assertThat(sheet.cells()).containsExactly(new CellChange("B2", "B2", "0.7", "0.65"));
    }

    @Test
    void csvFilesAreComparedCellByCell() {
        String before = "Rule,paretoShare,tier\nStrategic,0.70,A\nKey,0.90,B\n";
        String after = "Rule,paretoShare,tier\nStrategic,0.70,A\nKey,0.92,B\n";

        SpreadsheetDiff diff = diff("tiers.csv", before.getBytes(StandardCharsets.UTF_8),
                after.getBytes(StandardCharsets.UTF_8));

        assertThat(diff.sheets()).singleElement().satisfies(sheet -> {
            assertThat(sheet.name()).isEqualTo("csv");
            assertThat(sheet.cells()).containsExactly(new CellChange("B3", "B3", "0.90", "0.92"));
        });
    }

    @Test
    void theSameFileHasNoDifferences() throws IOException {
        byte[] shipped = Files.readAllBytes(Path.of("rules/tiers.xlsx"));

        SpreadsheetDiff diff = diff("tiers.xlsx", shipped, shipped);

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.sheets()).extracting(SheetDiff::status).containsOnly("SAME");
    }

    @Test
    void aSheetOnlyInOneVersionIsAddedOrRemovedWithAllItsRows() {
        byte[] one = xlsx(TABLE);
        byte[] two = workbook(new XSSFWorkbook(), "Other", TABLE);

        SpreadsheetDiff diff = diff("t.xlsx", one, two);

        assertThat(diff.sheets()).extracting(SheetDiff::name, SheetDiff::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Other", "ADDED"),
                org.assertj.core.groups.Tuple.tuple("Tiers", "REMOVED"));
        assertThat(diff.sheets().get(0).rows()).hasSize(4).extracting(RowChange::kind).containsOnly("ADDED");
    }

    @Test
    void aFileThatIsNoSpreadsheetIsRefusedNamingIt() {
        RuleFile broken = new RuleFile("tiers.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> SpreadsheetCells.read(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tiers.xlsx cannot be read as a spreadsheet");
        assertThatThrownBy(() -> SpreadsheetCells.read(new RuleFile("x.drl", new byte[0])))
                .hasMessage("x.drl is not a spreadsheet");
    }

    private static SpreadsheetDiff diff(String name, byte[] before, byte[] after) {
        return SpreadsheetDiff.of(SpreadsheetCells.read(new RuleFile(name, before)),
                SpreadsheetCells.read(new RuleFile(name, after)));
    }

    static byte[] xlsx(List<List<Object>> rows) {
        return workbook(new XSSFWorkbook(), "Tiers", rows);
    }

    private static byte[] xls(List<List<Object>> rows) {
        return workbook(new HSSFWorkbook(), "Tiers", rows);
    }

    private static byte[] workbook(Workbook workbook, String sheetName, List<List<Object>> rows) {
        try (workbook) {
            Sheet sheet = workbook.createSheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    }
                    else if (!value.toString().isEmpty()) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
