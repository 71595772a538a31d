package com.acme.tiering.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition template reading a declared customer attribute ({@code contractType == "$param"},
 * {@code orderCap >= $param}, {@code relationshipDepth in ($param)}) is written by the operations manager like one
 * reading a fact. Just before Drools reads the table, the service replaces it with the one call it generates for it,
 * {@code attributes.holds("contractType", "==", "$param")} ({@link com.acme.tiering.facts.AttributeValues#holds}):
 * the value always goes into a string the safe dialect checked, and a missing value matches no condition. Templates
 * reading facts, and every rule row, stay as they are.
 */
final class AttributeTemplates {

    private static final Pattern COMPARISON = Pattern.compile(
            "^([A-Za-z_]\\w*)\\s*(==|!=|<=|>=|<|>)\\s*\"?(\\$(?:param|\\d))\"?$");
    private static final Pattern IN_LIST = Pattern.compile(
            "^([A-Za-z_]\\w*)\\s+(in|not in)\\s*\\(\\s*(\\$param)\\s*\\)$");

    private AttributeTemplates() {
    }

    /**
     * A condition template of a column on the fact type, its parts that read attributes written as the service's
     * call; unchanged when it reads facts only or the type carries no attributes.
     */
    static String condition(String type, String template) {
        if (type == null || !FactModel.carriesAttributes(type)) {
            return template;
        }
        List<String> parts = new ArrayList<>();
        boolean changed = false;
        for (String part : template.split(",")) {
            String rewritten = part(type, part.trim());
            changed |= !rewritten.equals(part.trim());
            parts.add(rewritten);
        }
        return changed ? String.join(", ", parts) : template;
    }

    private static String part(String type, String part) {
        Matcher comparison = COMPARISON.matcher(part);
        Matcher in = IN_LIST.matcher(part);
        Matcher m = comparison.matches() ? comparison : in.matches() ? in : null;
        if (m == null || FactModel.properties(type).contains(m.group(1))) {
            return part;
        }
        return "attributes.holds(\"" + m.group(1) + "\", \"" + m.group(2) + "\", \"" + m.group(3) + "\")";
    }

    /** The template cell as Drools should read it, as one {@link TemplateCells.Rewrite}. */
    static String rewritten(String kind, String objectType, String template) {
        return TemplateCells.isCondition(kind) ? condition(objectType, template) : template;
    }
}
