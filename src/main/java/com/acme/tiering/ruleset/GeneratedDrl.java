package com.acme.tiering.ruleset;

import java.util.Map;

/**
 * DRL to compile and where it came from: a DRL file as written, or the DRL Drools generated from one
 * sheet of a decision table (then {@code sheet} is set, rule rows are named in its comments,
 * {@code cells} holds each row's non-empty condition and action cells by A1 reference, so errors can name
 * the cell, and {@code nameCells} each row's NAME cell, where a rule's name is written).
 */
record GeneratedDrl(String file, String sheet, String drl, Map<Integer, Map<String, String>> cells,
        Map<Integer, String> nameCells) {

    GeneratedDrl(String file, String sheet, String drl) {
        this(file, sheet, drl, Map.of(), Map.of());
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
