package com.acme.tiering.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.acme.tiering.evaluation.Evaluation.ChurnSignal;
import com.acme.tiering.evaluation.Explanation.FiredRule;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.Finding;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.ruleset.RulesetInvalid;
import com.acme.tiering.support.Workbooks;

/**
 * rules/churn-triggers.xlsx as an operations manager edits it: every row that holds fires, a trigger's rows give
 * its highest risk, and a cell that is no trigger, tier, risk, number or plain text is a finding naming it.
 * Cells by 0-based row and column: rows 10-17 are the sheet's rows 11-18; columns A trigger, E recency factor,
 * G revenue factor, H complaints, L tiers, M risk, N action, O owner role, P hours.
 */
class ChurnTriggerTableTests {

    private static final String TABLE = "churn-triggers.xlsx";
    private static final String SHEET = "ChurnTriggers";

    private static byte[] shipped() {
        try {
            return Files.readAllBytes(ShippedRules.RULES.resolve(TABLE));
        }
        catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    private static CompiledRuleset with(byte[] table) {
        return ShippedRules.compileWith(new RuleFile(TABLE, table), TABLE);
    }

    private static Evaluation evaluate(CompiledRuleset ruleset, String csv) {
        return Evaluator.run(RuleTestSuite.parse("t.csv", csv).get(0).facts(), ruleset);
    }

    private static byte[] withCells(byte[] xlsx, int row, Object... values) {
        byte[] edited = xlsx;
        for (int column = 0; column < values.length; column++) {
            if (values[column] != null) {
                edited = Workbooks.withCell(edited, SHEET, row, column, values[column]);
            }
        }
        return edited;
    }

    @Test
    void aFiredTriggerRowReadsLikeATableRowWithItsValues() {
        Evaluation overdue = evaluate(ShippedRules.ruleset(), """
                paretoShare,ordersLast12m,firstOrderDate,recencyDays,avgInterOrderDays,lastContactDays
                0.95,6,2024-01-01,61,20,10
                """);

        FiredRule row = overdue.explanation().firedRules().stream()
                .filter(rule -> rule.file().equals(TABLE)).findFirst().orElseThrow();
        assertThat(row.source()).isEqualTo("churn-triggers.xlsx › ChurnTriggers › row 11");
        assertThat(row.description()).startsWith("Overdue purchase (HIGH): buys at least 4 times a year");
        assertThat(row.factsRead()).containsEntry("ordersLast12m", 6).containsEntry("recencyDays", 61)
                .containsEntry("avgInterOrderDays", new java.math.BigDecimal("20"));
        assertThat(overdue.explanation().firedRules()).extracting(FiredRule::source)
                .as("the MEDIUM row of the same trigger holds too, but only the highest risk fires")
                .doesNotContain("churn-triggers.xlsx › ChurnTriggers › row 12");
        assertThat(overdue.churnSignals()).containsExactly(new ChurnSignal("OVERDUE_PURCHASE", "HIGH",
                "Account manager calls within 48 h", "ACCOUNT_MANAGER", 48));
    }

    @Test
    void aTriggersHighestRiskWinsWhereverItsRowStands() {
        byte[] mediumFirst = withCells(withCells(shipped(), 10, null, "Overdue (MEDIUM)", null, null, 2, null, null,
                null, null, null, null, null, "MEDIUM"), 11, null, "Overdue (HIGH)", null, null, 3, null, null, null,
                null, null, null, null, "HIGH");

        Evaluation overdue = evaluate(with(mediumFirst), """
                paretoShare,ordersLast12m,firstOrderDate,recencyDays,avgInterOrderDays,lastContactDays
                0.95,6,2024-01-01,61,20,10
                """);

        assertThat(overdue.churnSignals()).extracting(ChurnSignal::triggerId, ChurnSignal::risk)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OVERDUE_PURCHASE", "HIGH"));
        assertThat(overdue.explanation().firedRules()).extracting(FiredRule::source)
                .contains("churn-triggers.xlsx › ChurnTriggers › row 12")
                .doesNotContain("churn-triggers.xlsx › ChurnTriggers › row 11");
    }

    @Test
    void anOperationsManagerAddsATriggerRowAndRaisesAThreshold() {
        byte[] edited = withCells(withCells(shipped(), 18, "BIG_DROP", "Big drop (HIGH): the last 6 months brought "
                + "less than 30% of the 6 months before", null, null, null, null, 0.3, null, null, null, null, null,
                "HIGH", "Account manager visits within 7 days", "ACCOUNT_MANAGER", 168), 14, null, null, null, null,
                null, null, null, 3);
        CompiledRuleset ruleset = with(edited);

        Evaluation drop = evaluate(ruleset, """
                paretoShare,ordersLast12m,recencyDays,revenuePrev6m,revenueLast6m,complaintsLast90d,lastContactDays
                0.95,3,10,12000,3000,2,10
                """);

        assertThat(drop.churnSignals()).extracting(ChurnSignal::triggerId).containsExactly("REVENUE_DECLINE",
                "BIG_DROP");
        assertThat(drop.churnRisk()).isEqualTo("HIGH");
        assertThat(drop.churnSignals().get(1)).isEqualTo(new ChurnSignal("BIG_DROP", "HIGH",
                "Account manager visits within 7 days", "ACCOUNT_MANAGER", 168));
        assertThat(evaluate(ruleset, "complaintsLast90d\n3\n").churnSignals()).extracting(ChurnSignal::triggerId)
                .containsExactly("COMPLAINT_BURST");
    }

    @ParameterizedTest(name = "{3} ''{2}'' → {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "12 | 11 | A, E                        | L13 | 'E' is not a known tier",
        "14 | 12 | SEVERE                      | M15 | 'SEVERE' is not a risk",
        "14 |  7 | System.exit(0)              | H15 | 'System.exit(0)' is not a number",
        "10 |  4 | three                       | E11 | 'three' is not a number",
        "10 |  0 | overdue                     | A11 | 'overdue' is not a trigger id",
        "10 |  0 | ~~                          | A11 | The row has no trigger",
        "10 | 12 | ~~                          | M11 | The row has no risk",
        "10 | 13 | ~~                          | N11 | The row has no recommended action",
        "10 | 15 | ~~                          | P11 | The row has no due within hours",
        "10 | 15 | two days                    | P11 | 'two days' is not a number of hours",
        "10 | 14 | account manager             | O11 | 'account manager' is not a role code",
        "10 | 13 | call\"); System.exit(0); (\" | N11 | is not a plain text",
        " 8 |  4 | recencyDays > $param * avgInterOrderDays.intValue() | E9 | is not an allowed condition template",
    })
    void aCellThatIsNoTriggerValueIsAFindingNamingIt(int row, int column, String value, String cell, String message) {
        byte[] edited = Workbooks.withCell(shipped(), SHEET, row, column, value);

        assertThatThrownBy(() -> with(edited)).isInstanceOfSatisfying(RulesetInvalid.class,
                invalid -> assertThat(invalid.findings()).extracting(Finding::location, Finding::message)
                        .anySatisfy(found -> {
                            assertThat(found.toList().get(0))
                                    .isEqualTo("churn-triggers.xlsx › ChurnTriggers › " + cell);
                            assertThat((String) found.toList().get(1)).contains(message);
                        }));
    }

    @Test
    void theTableSavedAsCsvDecidesAlike() throws IOException {
        CompiledRuleset ruleset = ShippedRules.compileWith(new RuleFile("churn-triggers.csv",
                asCsv(shipped()).getBytes(java.nio.charset.StandardCharsets.UTF_8)), TABLE);

        Evaluation burst = evaluate(ruleset, "complaintsLast90d,latestNps\n2,3\n");

        assertThat(burst.churnSignals()).extracting(ChurnSignal::triggerId).containsExactly("COMPLAINT_BURST",
                "DETRACTOR");
        assertThat(burst.explanation().firedRules()).extracting(FiredRule::source)
                .contains("churn-triggers.csv › csv › row 15");
    }

    /** The sheet as LibreOffice saves it as text: comma-separated, cells with a comma in quotes. */
    private static String asCsv(byte[] xlsx) throws IOException {
        StringBuilder csv = new StringBuilder();
        org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter(
                java.util.Locale.ROOT);
        try (org.apache.poi.ss.usermodel.Workbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                    String text = formatter.formatCellValue(row.getCell(c));
                    csv.append(c == 0 ? "" : ",").append(text.contains(",") || text.contains("\"")
                            ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
                }
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    @Test
    void signalsOfTheSameTriggerFromTwoPlacesAreOne() {
        Outcome outcome = new Outcome();
        outcome.signal("COMPLAINT_BURST", "MEDIUM", "Call", "SERVICE_MANAGER", 48);
        outcome.signal("DETRACTOR", "MEDIUM", "Call", 72);
        outcome.signal("COMPLAINT_BURST", "HIGH", "Call now", "SERVICE_MANAGER", 24);
        outcome.signal("COMPLAINT_BURST", "LOW", "Later", 96);

        assertThat(outcome.signals()).extracting(ChurnSignal::triggerId, ChurnSignal::risk).containsExactly(
                org.assertj.core.groups.Tuple.tuple("COMPLAINT_BURST", "HIGH"),
                org.assertj.core.groups.Tuple.tuple("DETRACTOR", "MEDIUM"));
        assertThat(List.of(outcome.churnRisk())).containsExactly("HIGH");
    }
}
