package com.acme.tiering.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.acme.tiering.ruleset.RuleFile;

/**
 * Tier catalogs ({@code tier-catalog.xlsx}) as an operations manager saves them: a header row, then one row per tier
 * (Code, Name, Rank, Description, Colour, Replaces). Also wrote the shipped {@code rules/tier-catalog.xlsx}, from
 * {@link #SHIPPED}.
 */
public final class TierCatalogs {

    public static final String FILE = "tier-catalog.xlsx";

    /** Today's tiers, as shipped in rules/tier-catalog.xlsx. */
    public static final List<Object[]> SHIPPED = List.of(
            row("A", "Strategic", 1, "Among the customers making 70% of revenue, and buying regularly", "#1F5F8B", ""),
            row("B", "Key", 2, "Among the customers making 70% of revenue, the next 20%, or fast-growing", "#3C8DBC",
                    ""),
            row("C", "Standard", 3, "Bought in the last 12 months", "#6A9FC4", ""),
            row("D", "Basic", 4, "No purchase in the last 12 months", "#8796A0", ""));

    private TierCatalogs() {
    }

    public static Object[] row(String code, String name, Object rank, String description, String colour,
            String replaces) {
        return new Object[] { code, name, rank, description, colour, replaces };
    }

    /** The shipped tiers with other names, best first: e.g. 战略, 重点, 普通, 基础. */
    public static RuleFile renamed(String... names) {
        return catalog(renamedRows(names));
    }

    /** The rows of the shipped tiers with other names, best first, to build on (Strategic, Gold, Standard, Basic). */
    public static List<Object[]> renamedRows(String... names) {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < SHIPPED.size(); i++) {
            Object[] tier = SHIPPED.get(i).clone();
            tier[1] = names[i];
            rows.add(tier);
        }
        return rows;
    }

    public static RuleFile catalog(List<Object[]> rows) {
        return new RuleFile(FILE, xlsx(rows));
    }

    /** The workbook: sheet TierCatalog, a bold header row, numbers as numbers, empty cells left out. */
    public static byte[] xlsx(List<Object[]> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Workbooks.headedSheet(workbook, "TierCatalog", Workbooks.headerStyle(workbook),
                    List.of("Code", "Name", "Rank", "Description", "Colour", "Replaces"), rows, 10, 24, 8, 70, 12, 16);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
