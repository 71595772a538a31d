package com.acme.tiering.ruleset;

/**
 * Replaces each entitlement declaration in the template row of a RuleTable's ACTION columns with the call the
 * service generates for it ({@link EntitlementColumn#drlTemplate()}), as one {@link TemplateCells.Rewrite}.
 */
final class EntitlementTemplates {

    private EntitlementTemplates() {
    }

    /** The template cell as Drools should read it. */
    static String rewritten(String kind, String objectType, String template) {
        return TemplateCells.isAction(kind) && EntitlementColumn.isDeclaration(template)
                ? EntitlementColumn.read(template).drlTemplate() : template;
    }
}
