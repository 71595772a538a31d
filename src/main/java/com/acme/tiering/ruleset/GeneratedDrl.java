package com.acme.tiering.ruleset;

import java.util.Map;

/**
 * DRL to compile and where it came from: a DRL file as written, or the DRL Drools generated from one
 * sheet of a decision table (then {@code sheet} is set, rule rows are named in its comments, and
 * {@code cells} holds each row's non-empty cells by A1 reference, so errors can name the cell).
 */
record GeneratedDrl(String file, String sheet, String drl, Map<Integer, Map<String, String>> cells) {

    GeneratedDrl(String file, String sheet, String drl) {
        this(file, sheet, drl, Map.of());
    }

    boolean fromTable() {
        return sheet != null;
    }

    /** The resource path Drools reports errors against; it maps back to this origin. */
    String resourcePath() {
        return fromTable() ? "tables/" + file + "/" + sheet.replaceAll("[^A-Za-z0-9_-]", "_") + ".drl"
                : "drl/" + file;
    }
}
