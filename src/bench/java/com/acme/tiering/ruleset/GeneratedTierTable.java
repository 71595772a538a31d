package com.acme.tiering.ruleset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A tier decision table of any number of rows in the layout of rules/tiers.xlsx: its header rows are kept,
 * its rows replaced by generated ones with distinct thresholds, the last without conditions (Basic), as
 * the table's instructions ask. Uploaded with the other shipped files, it is what an operations manager's
 * large upload costs to compile.
 */
final class GeneratedTierTable {

    static final Path RULES = Path.of("rules");
    private static final int FIRST_ROW = 10; // 0-based: spreadsheet row 11
    private static final String[] TIERS = { "A", "B", "C" };
    private static final String[] NAMES = { "Strategic", "Key", "Standard" };

    private GeneratedTierTable() {
    }

    /** The shipped rule files with tiers.xlsx replaced by a generated table of this many rows. */
    static List<RuleFile> shippedRulesWithTierRows(int rows) {
        List<RuleFile> files = new ArrayList<>(new RulesDirectory().read(RULES).stream()
                .filter(file -> !file.name().equals("tiers.xlsx")).toList());
        files.add(new RuleFile("tiers.xlsx", withRows(shippedTiers(), rows)));
        return files;
    }

    private static byte[] shippedTiers() {
        return new RulesDirectory().read(RULES).stream().filter(file -> file.name().equals("tiers.xlsx")).findFirst()
                .orElseThrow().content();
    }

    static byte[] withRows(byte[] tiersXlsx, int rows) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(tiersXlsx))) {
            Sheet sheet = workbook.getSheet("Tiers");
            for (int r = sheet.getLastRowNum(); r >= FIRST_ROW; r--) {
                if (sheet.getRow(r) != null) {
                    sheet.removeRow(sheet.getRow(r));
                }
            }
            for (int i = 0; i < rows - 1; i++) {
                conditionRow(sheet.createRow(FIRST_ROW + i), i, rows);
            }
            basicRow(sheet.createRow(FIRST_ROW + rows - 1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Row i of n: thresholds that grow with i, so no two rows are alike; tiers A, B and C in bands. */
    private static void conditionRow(Row row, int i, int rows) {
        int band = Math.min(2, i * 3 / Math.max(1, rows - 1));
        row.createCell(0).setCellValue("Generated row " + (i + 1));
        row.createCell(1).setCellValue(NAMES[band] + ": generated row " + (i + 1) + " of " + rows);
        row.createCell(2).setCellValue(Math.round((0.5 + 0.5 * i / rows) * 10_000) / 10_000.0);
        row.createCell(3).setCellValue(1_000 + 100 * i);
        row.createCell(4).setCellValue(1 + i % 12);
        if (i % 2 == 0) {
            row.createCell(5).setCellValue(i % 100);
        }
        row.createCell(6).setCellValue(TIERS[band]);
    }

    private static void basicRow(Row row) {
        row.createCell(0).setCellValue("Basic: everyone else");
        row.createCell(1).setCellValue("Basic: no generated row matched");
        row.createCell(6).setCellValue("D");
    }
}
