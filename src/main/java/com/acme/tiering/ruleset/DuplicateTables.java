package com.acme.tiering.ruleset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Two files of one set that hold the same decision table ({@code tiers.xls} beside {@code tiers.xlsx}) would define
 * every rule of it twice. Said once, naming both files, instead of Drools' "Duplicate rule name" for each row.
 */
public final class DuplicateTables {

    private DuplicateTables() {
    }

    /**
     * One finding per pair of files that hold the same table, or the same file twice.
     *
     * @param hint what to do about it where these files come from (the rules directory, an upload)
     */
    public static List<Finding> in(List<RuleFile> files, String hint) {
        List<RuleFile> sorted = files.stream().sorted(Comparator.comparing(RuleFile::name)).toList();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                if (sorted.get(j).replaces(sorted.get(i))) {
                    findings.add(finding(sorted.get(i), sorted.get(j), hint));
                }
            }
        }
        return findings;
    }

    private static Finding finding(RuleFile first, RuleFile second, String hint) {
        String message = first.name().equals(second.name()) ? first.name() + " is given twice"
                : first.name() + " and " + second.name() + " both hold the decision table '" + first.table()
                        + "' (saved as ." + extension(first) + " and as ." + extension(second) + "), so each of its rules would be defined twice";
        return Finding.error(second.name(), null, null, null, message, hint);
    }

    private static String extension(RuleFile file) {
        return file.name().substring(file.name().lastIndexOf('.') + 1);
    }
}
