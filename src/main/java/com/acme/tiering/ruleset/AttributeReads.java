package com.acme.tiering.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DRL rule reads a declared attribute as a table's condition does, {@code attributes.holds("contractType", "==",
 * "FRAMEWORK")}: an attribute no declaration names is a finding at its line, as a table's is at its cell.
 */
final class AttributeReads {

    private static final Pattern HOLDS = Pattern.compile("\\battributes\\s*\\.\\s*holds\\s*\\(\\s*\"([^\"]*)\"");

    private AttributeReads() {
    }

    /** @param attributes the version's declarations; null when they could not be read (nothing is checked then) */
    static List<Finding> undeclaredInDrl(RuleFile file, AttributeDeclarations attributes) {
        List<Finding> findings = new ArrayList<>();
        if (attributes == null) {
            return findings;
        }
        String[] lines = file.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher read = HOLDS.matcher(lines[i]);
            while (read.find()) {
                if (!attributes.declares(read.group(1))) {
                    findings.add(Finding.error(file.name(), null, null, i + 1, "The rule reads " + read.group(1)
                            + ", which no attribute declares", "Declare it in " + AttributeDeclarationReader.TABLE
                                    + ".xlsx (sheet " + AttributeDeclarationReader.SHEET + ")"
                                    + (attributes.isEmpty() ? "" : ", or read one of " + attributes)));
                }
            }
        }
        return findings;
    }
}
