package com.acme.tiering.governance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.support.DormantTier;
import com.acme.tiering.support.TierCatalogs;
import com.acme.tiering.support.Workbooks;

/**
 * Changes of the tier catalog as an operations manager makes them, each with the tables and rule-test scenarios
 * that go with it, so that the draft passes its checks and tests: a tier's code changed (with or without the
 * Replaces cell that maps the old code), a tier renamed, a fifth tier added between C and D.
 */
final class CatalogDrafts {

    private static final Path RULE_TESTS = Path.of("rule-tests");
    /** The first rule row (0-based) of the shipped decision tables. */
    private static final int FIRST_RULE_ROW = 10;

    /** The rule files and the rule-test files of a draft. */
    record Draft(List<RuleFile> files, List<RuleFile> tests) {
    }

    private CatalogDrafts() {
    }

    /**
     * The shipped tier {@code code} under another code and name, ranked where it was: the catalog row, every tier
     * cell of tiers.xlsx and service-plans.xlsx naming it, and the scenarios expecting it. With {@code mapped} the
     * new tier's Replaces cell lists the old code, so its customers, overrides and pending downgrades move into it.
     */
    static Draft codeReplaced(ActiveRuleset active, String code, String newCode, String name, boolean mapped) {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] tier : TierCatalogs.SHIPPED) {
            rows.add(tier[0].equals(code) ? TierCatalogs.row(newCode, name, tier[2], (String) tier[3],
                    (String) tier[4], mapped ? code : "") : tier);
        }
        List<RuleFile> files = List.of(TierCatalogs.catalog(rows),
                new RuleFile("tiers.xlsx", recoded(file(active, "tiers.xlsx"), "Tiers", code, newCode)),
                new RuleFile("service-plans.xlsx", recoded(file(active, "service-plans.xlsx"), "ServicePlans", code,
                        newCode)));
        List<RuleFile> tests = new ArrayList<>();
        for (String scenarios : List.of("tiers.csv", "tier-policy.csv", "service-plans.csv", "churn-triggers.csv")) {
            tests.add(new RuleFile(scenarios, recodedScenarios(read(scenarios), code, newCode)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return new Draft(files, tests);
    }

    /** The shipped tiers under other names, best first: nothing else changes. */
    static Draft renamed(String... names) {
        return new Draft(List.of(TierCatalogs.renamed(names)), List.of());
    }

    /**
     * A fifth tier, E Dormant, ranked 4 between C and D (which becomes 5): customers who bought the year before but
     * not in the last 12 months (revenueGrowthPct -100) get it, with the plan WINBACK; the scenario of such a
     * customer expects it.
     */
    static Draft dormantTierAdded(ActiveRuleset active) {
        return new Draft(List.of(DormantTier.catalog(TierCatalogs.SHIPPED), DormantTier.tiers(file(active, "tiers.xlsx")),
                DormantTier.plans(file(active, "service-plans.xlsx"))), List.of(DormantTier.tests()));
    }

    /** Every rule-row cell of the sheet that holds exactly the code, holding the new code instead. */
    private static byte[] recoded(byte[] workbook, String sheet, String code, String newCode) {
        List<int[]> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet rules = book.getSheet(sheet);
            for (Row row : rules) {
                for (Cell cell : row) {
                    if (row.getRowNum() >= FIRST_RULE_ROW && cell.getCellType() == CellType.STRING
                            && cell.getStringCellValue().equals(code)) {
                        cells.add(new int[] { row.getRowNum(), cell.getColumnIndex() });
                    }
                }
            }
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        if (cells.isEmpty()) {
            throw new IllegalStateException(sheet + " has no rule row naming tier " + code);
        }
        for (int[] cell : cells) {
            workbook = Workbooks.withCell(workbook, sheet, cell[0], cell[1], newCode);
        }
        return workbook;
    }

    /** The scenarios with the code replaced where they name a tier: expect.tier and currentTier. */
    private static String recodedScenarios(String csv, String code, String newCode) {
        List<String> lines = csv.lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(",", -1);
            for (int i = 0; i < values.length && i < header.size(); i++) {
                if ((header.get(i).equals("expect.tier") || header.get(i).equals("currentTier"))
                        && values[i].equals(code)) {
                    values[i] = newCode;
                }
            }
            out.add(String.join(",", values));
        }
        return String.join("\n", out) + "\n";
    }

    private static byte[] file(ActiveRuleset active, String name) {
        return active.current().files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow()
                .content();
    }

    private static String read(String name) {
        try {
            return Files.readString(RULE_TESTS.resolve(name));
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
