package com.acme.tiering.evaluation;

import java.util.List;
import java.util.Map;

/**
 * Why a decision came out as it did: every rule that fired in firing order, and what was missing
 * for the tiers above.
 */
public record Explanation(String summary, List<FiredRule> firedRules, List<TierGap> whyNotHigher,
        List<Margin> margins) {

    /**
     * How far a fact of the tier row that decided is inside its threshold: how close the customer is to
     * losing the tier, e.g. {@code revenueLast12m 24,000 is 4,000 above the ≥ 20,000 threshold}.
     */
    public record Margin(String fact, String operator, Object threshold, Object actual, Object margin, String text) {
    }

    /**
     * @param source human-readable origin, e.g. {@code tiers.xlsx › Tiers › row 12} or {@code lifecycle.drl › line 29}
     * @param sheet null for DRL; @param row the 1-based spreadsheet row, null for DRL; @param line the DRL line, null for tables
     * @param factsRead the values of the facts its conditions read, by fact name, in condition order
     */
    public record FiredRule(
            String rule,
            String file,
            String sheet,
            Integer row,
            Integer line,
            String source,
            String description,
            Map<String, Object> factsRead) {
    }

    /** A rule row that would have given a higher tier, with the conditions it did not meet. */
    public record TierGap(String tier, String rule, String source, String description, List<UnmetCondition> unmet) {
    }

    /**
     * @param text e.g. {@code revenueLast12m 82,000 < 100,000, short by 18,000}
     * @param gap how far the actual value is from the required one, null when not numeric
     */
    public record UnmetCondition(String fact, String operator, Object required, Object actual, Object gap, String text) {
    }
}
