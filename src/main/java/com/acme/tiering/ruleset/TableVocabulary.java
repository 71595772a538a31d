package com.acme.tiering.ruleset;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an uploaded decision table may contain: keywords that carry no code, condition templates over
 * the fact model, action templates from the allow-list of decision outputs, and the codes each output takes.
 */
final class TableVocabulary {

    /** RuleSet-area keywords: configuration only. Import, Variables, Functions, Queries, Declare are code. */
    static final Set<String> RULESET_KEYWORDS = Set.of("RULESET", "SEQUENTIAL", "SEQUENTIALMAXPRIORITY",
            "SEQUENTIALMINPRIORITY", "NOTES", "ACTIVATION-GROUP", "X", "PRIORITY", "SALIENCE", "P");

    /** Column keywords of a RuleTable. */
    static final Set<String> COLUMN_KEYWORDS = Set.of("NAME", "N", "DESCRIPTION", "I", "CONDITION", "C", "ACTION",
            "A", "PRIORITY", "P", "SALIENCE", "ACTIVATION-GROUP", "X");

    static final Pattern OBJECT_TYPE = Pattern.compile("^(?:\\$?[A-Za-z_]\\w*\\s*:\\s*)?([A-Za-z_]\\w*)$");
    static final Pattern COMPARISON = Pattern.compile(
            "^([A-Za-z_]\\w*)\\s*(==|!=|<=|>=|<|>)\\s*(\"?)\\$(?:param|\\d)(\"?)$");
    static final Pattern IN_LIST = Pattern.compile("^([A-Za-z_]\\w*)\\s+(in|not in)\\s*\\(\\s*\\$param\\s*\\)$");
    /**
     * A fact compared with another fact times a factor, e.g. {@code recencyDays > $param * avgInterOrderDays}:
     * only in a churn-trigger table ({@link ChurnTriggerTable}), which guards both facts against unknown values.
     */
    static final Pattern FACTOR_COMPARISON = Pattern.compile(
            "^([A-Za-z_]\\w*)\\s*(==|!=|<=|>=|<|>)\\s*\\$param\\s*\\*\\s*([A-Za-z_]\\w*)$");
    static final Pattern STRING_LITERAL = Pattern.compile("^[\\p{L}\\p{N} _.:&'’%/+-]*$");
    static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?$");

    /**
     * The columns of a churn-trigger table besides its DESCRIPTION and CONDITION columns: they make the signal
     * (and say which tiers it applies to), so the service writes the rule's code for them ({@link ChurnTriggerTable}).
     */
    static final List<String> TRIGGER_COLUMNS = List.of("TRIGGER", "TIERS", "RISK", "RECOMMENDED-ACTION", "OWNER-ROLE",
            "DUE-WITHIN-HOURS");
    /** The risks a churn signal may carry, highest first. */
    static final List<String> RISKS = List.of("HIGH", "MEDIUM", "LOW");
    /** A trigger id: what alerts are filtered by ({@code GET /api/v1/churn-alerts?trigger=}). */
    static final Pattern TRIGGER_ID = Pattern.compile("^[A-Z][A-Z_]{0,39}$");
    /**
     * Who in the sales or service organisation acts on a signal (ACCOUNT_MANAGER, SERVICE_MANAGER, ...): a code for
     * the systems the alert goes to, not a role of this service's users.
     */
    static final Pattern OWNER_ROLE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

    /** Decision outputs a table may set, and whether the value is text (quoted) or a number. */
    static final Map<String, Boolean> ACTIONS_TAKING_TEXT = Map.ofEntries(
            Map.entry("tier", true), Map.entry("lifecycleStage", true), Map.entry("rfmSegment", true),
            Map.entry("plan", true), Map.entry("accountManager", true), Map.entry("reviewCadence", true),
            Map.entry("supportChannel", true), Map.entry("responseSlaHours", false),
            Map.entry("visitsPerYear", false), Map.entry("discountPct", false));

    /** Codes an output or a compared fact may take; absent means free text (plan codes, segments). */
    static final Map<String, List<String>> CODES = Map.of(
            "churnRisk", List.of("NONE", "LOW", "MEDIUM", "HIGH"),
            "lifecycleStage", List.of("PROSPECT", "NEW", "ACTIVE", "COOLING", "DORMANT", "LOST"),
            "accountManager", List.of("DEDICATED", "POOLED", "DIGITAL"),
            "reviewCadence", List.of("MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL", "NONE"),
            "supportChannel", List.of("PHONE_24X7", "PHONE", "EMAIL", "SELF_SERVICE"));

    /** Inclusive ranges of numeric facts and outputs that have natural bounds. */
    static final Map<String, double[]> RANGES = Map.of(
            "paretoShare", new double[] { 0, 1 }, "rScore", new double[] { 1, 5 }, "fScore", new double[] { 1, 5 },
            "mScore", new double[] { 1, 5 }, "latestNps", new double[] { 0, 10 }, "discountPct",
            new double[] { 0, 100 }, "responseSlaHours", new double[] { 0, 8760 }, "visitsPerYear",
            new double[] { 0, 365 });

    private TableVocabulary() {
    }

    /** The outputs and facts that hold a tier: their codes are the version's tier catalog's. */
    static final Set<String> TIER_VALUES = Set.of("tier", "currentTier", "qualifiedTier");

    static boolean isTier(String name) {
        return name != null && TIER_VALUES.contains(name);
    }

    /** The codes a value may take, tiers from the catalog; null for free text or when no catalog could be read. */
    static List<String> codes(String name, TierCatalog tiers) {
        if (isTier(name)) {
            return tiers == null ? null : tiers.codes();
        }
        return CODES.get(name);
    }

    static String actionTemplate(String output) {
        return ACTIONS_TAKING_TEXT.get(output) ? "decision." + output + "(\"$param\");"
                : "decision." + output + "($param);";
    }
}
