package com.acme.tiering.ruleset;

/**
 * One problem found in a rule file, pinned to where an operations manager can fix it.
 *
 * @param sheet the worksheet of a decision table, null for DRL
 * @param cell the A1 reference of the cell in that sheet, null when not known or for DRL
 * @param line the DRL line, null for decision tables
 */
public record Finding(String severity, String file, String sheet, String cell, Integer line, String message,
        String hint) {

    public static Finding error(String file, String sheet, String cell, Integer line, String message, String hint) {
        return new Finding("ERROR", file, sheet, cell, line, message, hint);
    }

    /** Where, in the words the explanation uses: {@code tiers.xlsx › Tiers › C12} or {@code x.drl › line 7}. */
    public String location() {
        StringBuilder where = new StringBuilder(file);
        if (sheet != null) {
            where.append(" › ").append(sheet);
        }
        if (cell != null) {
            where.append(" › ").append(cell);
        }
        if (line != null) {
            where.append(" › line ").append(line);
        }
        return where.toString();
    }

    @Override
    public String toString() {
        return location() + ": " + message + (hint == null ? "" : " (" + hint + ")");
    }
}
