package com.acme.tiering;

/**
 * What text the API and the pages accept. Free text: any Unicode (emoji, right-to-left marks, SQL- or script-looking text are all
 * valid names) but no control characters, which break CSV and spreadsheet exports and other systems' parsers, and
 * no lone UTF-16 surrogates, which are not text at all and which MySQL's utf8mb4 columns refuse. Single character
 * classes, so that even a 100,000-character value is matched without recursion.
 */
public final class Text {

    /** Names and other one-line values. */
    public static final String ONE_LINE = "[^\\p{Cc}\\p{Cs}]*";
    public static final String ONE_LINE_MESSAGE = "must be one line of text, without control characters";

    /** Comments and reasons: line breaks and tabs are allowed. */
    public static final String LINES = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\p{Cs}]*";
    public static final String LINES_MESSAGE = "must be text without control characters other than line breaks and tabs";

    /** Customer ids, in paths and bodies. */
    public static final String CUSTOMER_ID = "[A-Za-z0-9_.:-]{1,64}";
    public static final String CUSTOMER_ID_MESSAGE = "must be 1-64 letters, digits or -_.:";

    private Text() {
    }
}
