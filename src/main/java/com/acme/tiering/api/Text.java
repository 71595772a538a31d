package com.acme.tiering.api;

/**
 * What free text the API stores: any Unicode (emoji, right-to-left marks, SQL- or script-looking text are all
 * valid names) but no control characters, which break CSV and spreadsheet exports and other systems' parsers, and
 * no lone UTF-16 surrogates, which are not text at all and which MySQL's utf8mb4 columns refuse. Single character
 * classes, so that even a 100,000-character value is matched without recursion.
 */
final class Text {

    /** Names and other one-line values. */
    static final String ONE_LINE = "[^\\p{Cc}\\p{Cs}]*";
    static final String ONE_LINE_MESSAGE = "must be one line of text, without control characters";

    /** Comments and reasons: line breaks and tabs are allowed. */
    static final String LINES = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\p{Cs}]*";
    static final String LINES_MESSAGE = "must be text without control characters other than line breaks and tabs";

    private Text() {
    }
}
