package com.acme.tiering.ruleset;

/**
 * DRL to compile and where it came from: a DRL file as written, or the DRL Drools generated from one
 * sheet of a decision table (then {@code sheet} is set and rule rows are named in its comments).
 */
record GeneratedDrl(String file, String sheet, String drl) {

    boolean fromTable() {
        return sheet != null;
    }

    /** The resource path Drools reports errors against; it maps back to this origin. */
    String resourcePath() {
        return fromTable() ? "tables/" + file + "/" + sheet.replaceAll("[^A-Za-z0-9_-]", "_") + ".drl"
                : "drl/" + file;
    }
}
