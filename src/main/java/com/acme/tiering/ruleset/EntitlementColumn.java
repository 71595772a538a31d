package com.acme.tiering.ruleset;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An entitlement column of a plan table, as its template cell declares it: {@code entitlement freeShipping yes/no},
 * {@code entitlement responseSlaHours integer}, {@code entitlement accountManager code:accountManager}. The
 * declaration is not code: the translator replaces it with the one call the service generates for it,
 * {@link #drlTemplate()}, before Drools reads the table.
 *
 * @param name letters, digits and underscores in any script, e.g. {@code freeShipping} or {@code 专属客服}
 * @param codeList the code list on the workbook's Codes sheet, for {@link EntitlementType#CODE} only
 */
record EntitlementColumn(String name, EntitlementType type, String codeList) {

    static final String KEYWORD = "entitlement";
    static final String TYPES = "integer, decimal, text, yes/no or code:<a list on the Codes sheet>";

    private static final Pattern DECLARATION = Pattern.compile("^(?i:entitlement)\\s+(\\S+)\\s+(.+)$");
    static final Pattern NAME = Pattern.compile("^[\\p{L}_][\\p{L}\\p{M}\\p{N}_]{0,59}$");

    /** Whether a template cell is meant as a declaration (then {@link #read} says whether it is a good one). */
    static boolean isDeclaration(String template) {
        String text = template.trim().toLowerCase(Locale.ROOT);
        return text.startsWith(KEYWORD) && (text.length() == KEYWORD.length()
                || Character.isWhitespace(text.charAt(KEYWORD.length())));
    }

    /**
     * The declaration a template cell holds.
     *
     * @throws IllegalArgumentException saying what is wrong with it, in the operations manager's words
     */
    static EntitlementColumn read(String template) {
        Matcher m = DECLARATION.matcher(template.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + template + "' declares no entitlement: write 'entitlement', "
                    + "its name and its type");
        }
        String name = m.group(1);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not an entitlement name: letters, digits and _ "
                    + "only (any language), starting with a letter, at most 60");
        }
        String type = m.group(2).trim();
        if (type.regionMatches(true, 0, "code:", 0, 5)) {
            String list = type.substring(5).trim();
            if (!NAME.matcher(list).matches()) {
                throw new IllegalArgumentException("'" + type + "' names no code list: write code: and the list's "
                        + "name on the Codes sheet, e.g. code:" + name);
            }
            return new EntitlementColumn(name, EntitlementType.CODE, list);
        }
        EntitlementType known = EntitlementType.of(type);
        if (known == null || known == EntitlementType.CODE) {
            throw new IllegalArgumentException("'" + type + "' is not an entitlement type");
        }
        return new EntitlementColumn(name, known, null);
    }

    /** The action Drools compiles: the name and type as string literals, the cell's text as the value. */
    String drlTemplate() {
        EntitlementType valueType = type == EntitlementType.CODE ? EntitlementType.TEXT : type;
        return "decision.entitlement(\"" + name + "\", \"" + valueType.word() + "\", \"$param\");";
    }

    /** How the declaration reads in a finding or on a page: {@code freeShipping (yes/no)}. */
    String described() {
        return name + " (" + (type == EntitlementType.CODE ? "code:" + codeList : type.word()) + ")";
    }
}
