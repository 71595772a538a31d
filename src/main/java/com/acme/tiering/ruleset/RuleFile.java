package com.acme.tiering.ruleset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** One rule file as uploaded or read from the rules directory: a name and its bytes. */
public record RuleFile(String name, byte[] content) {

    public enum Kind { DRL, XLSX, XLS, CSV }

    public static boolean isRuleFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".drl") || lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".csv");
    }

    public Kind kind() {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".drl") ? Kind.DRL : lower.endsWith(".xlsx") ? Kind.XLSX
                : lower.endsWith(".xls") ? Kind.XLS : Kind.CSV;
    }

    /**
     * The decision table this file holds, named by the file without its extension: {@code tiers.xls} is
     * {@code tiers.xlsx} saved as Excel 97, and {@code tiers.csv} the same table saved as text, so all three
     * are one table. Null for DRL, whose rules are not a table.
     */
    public String table() {
        return tableOf(name);
    }

    /**
     * Whether this file takes the other's place: the same name, the same decision table in another format, or the
     * DRL file whose rules this table now holds ({@code churn-triggers.xlsx} took over {@code churn-triggers.drl}:
     * a version keeping both would fire every trigger twice).
     */
    public boolean replaces(RuleFile other) {
        return sameTable(name, other.name())
                || table() != null && other.name().equals(table() + ".drl");
    }

    /** Whether two file names name one file or one decision table (tiers.xls and tiers.xlsx). */
    public static boolean sameTable(String name, String other) {
        return name.equals(other) || (tableOf(name) != null && tableOf(name).equals(tableOf(other)));
    }

    /** The names a decision table may be saved under: its .xlsx, .xls and .csv file. */
    public static List<String> namesOfTable(String table) {
        return List.of(table + ".xlsx", table + ".xls", table + ".csv");
    }

    private static String tableOf(String name) {
        return !isRuleFile(name) || name.toLowerCase(Locale.ROOT).endsWith(".drl") ? null
                : name.substring(0, name.lastIndexOf('.'));
    }

    public String sha256() {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
