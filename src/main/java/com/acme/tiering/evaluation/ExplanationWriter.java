package com.acme.tiering.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import com.acme.tiering.evaluation.Explanation.TierGap;
import com.acme.tiering.evaluation.Explanation.UnmetCondition;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.ruleset.TierCatalog;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.RuleInfo;

/** Writes the explanation an auditor reads: a summary sentence and what was missing for higher tiers. */
class ExplanationWriter {

    /** The row of the next tier that is closest to being met: fewest unmet conditions, then smallest gaps. */
    private static final Comparator<TierGap> CLOSEST = Comparator.comparingInt((TierGap gap) -> gap.unmet().size())
            .thenComparingDouble(gap -> gap.unmet().stream().mapToDouble(ExplanationWriter::relativeGap).sum());

    private static double relativeGap(UnmetCondition condition) {
        if (!(condition.gap() instanceof BigDecimal gap) || !(condition.required() instanceof BigDecimal required)
                || required.signum() == 0) {
            return 1.0;
        }
        return gap.doubleValue() / Math.abs(required.doubleValue());
    }

    Explanation explain(CustomerFacts facts, CompiledRuleset ruleset, FiringRecorder firings, Outcome outcome,
            String qualified, String rulesTier, TierOverride override) {
        // "Why not higher" and the margins are the rules' view: what the customer lacks, whatever a person decided.
        TierCatalog tiers = ruleset.tiers();
        List<TierGap> gaps = whyNotHigher(facts, ruleset, rulesTier);
        RuleInfo tierRow = firings.tierRow();
        String summary = summary(facts, tierRow, outcome, qualified, rulesTier, gaps, tiers);
        return new Explanation(override == null ? summary : withOverride(override, rulesTier, summary, tiers),
                firings.fired(), gaps, margins(facts, tierRow));
    }

    /**
     * The override leads when it changed the tier, with the rules' own result after it; otherwise the
     * rules' summary leads and the override is noted as changing nothing.
     */
    private static String withOverride(TierOverride override, String rulesTier, String rulesSummary,
            TierCatalog tiers) {
        String set = override.kind() + " at " + named(override.tier(), tiers) + ", set by " + override.setBy() + " on "
                + override.setAt().atZone(java.time.ZoneOffset.UTC).toLocalDate() + " until " + override.expiresAt()
                + ": \"" + override.reason() + "\"";
        if (override.changes(rulesTier, tiers)) {
            return tierTitle(override.apply(rulesTier, tiers), tiers) + " by manual override (" + set + "). The rules give: "
                    + rulesSummary;
        }
        String because = rulesTier.equals(override.tier()) ? "the rules give the same tier"
                : "the rules give a higher tier";
        return rulesSummary + " A manual override is in force (" + set + ") and changes nothing: " + because + ".";
    }

    /** For each numeric condition the deciding tier row met: how far inside its threshold the customer is. */
    private static List<Explanation.Margin> margins(CustomerFacts facts, RuleInfo tierRow) {
        if (tierRow == null) {
            return List.of();
        }
        List<Explanation.Margin> margins = new ArrayList<>();
        for (RuleInfo.Condition condition : tierRow.conditions()) {
            BigDecimal actual = condition.numeric() ? RuleInfo.Condition.number(actual(facts, condition)) : null;
            if (actual != null && condition.holdsFor(actual)) {
                BigDecimal threshold = (BigDecimal) condition.value();
                BigDecimal margin = actual.subtract(threshold).abs();
                String side = condition.operator().startsWith(">") ? " above the " : " below the ";
                int decimals = ConditionText.decimals(actual, threshold);
                margins.add(new Explanation.Margin(condition.fact(), condition.operator(), threshold, actual, margin,
                        condition.fact() + " " + ConditionText.format(actual, decimals) + " is "
                                + ConditionText.format(margin, decimals) + side + inequality(condition.operator()) + " "
                                + ConditionText.format(threshold, decimals) + " threshold"));
            }
        }
        return margins;
    }

    /** What the customer has for the condition: a fact's value, or a declared attribute's (null when missing). */
    private static Object actual(CustomerFacts facts, RuleInfo.Condition condition) {
        return condition.attribute() ? facts.attributes().value(condition.fact()) : facts.value(condition.fact());
    }

    private static String inequality(String operator) {
        return switch (operator) {
            case "<=" -> "≤";
            case ">=" -> "≥";
            default -> operator;
        };
    }

    private static List<TierGap> whyNotHigher(CustomerFacts facts, CompiledRuleset ruleset, String tier) {
        List<TierGap> gaps = new ArrayList<>();
        for (RuleInfo row : ruleset.tierRows()) {
            if (ruleset.tiers().rank(row.assignsTier()) >= ruleset.tiers().rank(tier)) {
                break;
            }
            List<UnmetCondition> unmet = new ArrayList<>(row.conditions().size());
            for (RuleInfo.Condition condition : row.conditions()) {
                Object actual = actual(facts, condition);
                if (!condition.holdsFor(actual)) {
                    unmet.add(ConditionText.unmet(condition, actual));
                }
            }
            if (!unmet.isEmpty()) {
                gaps.add(new TierGap(row.assignsTier(), row.name(), row.source(), row.description(),
                        Collections.unmodifiableList(unmet)));
            }
        }
        return gaps;
    }

    private static String summary(CustomerFacts facts, RuleInfo tierRow, Outcome outcome, String qualified,
            String tier, List<TierGap> gaps, TierCatalog tiers) {
        StringBuilder text = new StringBuilder(320).append(tierTitle(tier, tiers));
        if (tierRow == null) {
            text.append(": no tier row matched.");
        }
        else if (tier.equals(qualified)) {
            appendReason(text.append(": "), facts, tierRow, tier, tiers).append('.');
        }
        else if (outcome.pendingSince() != null) {
            text.append(", kept by the tier policy: downgrade to ").append(named(qualified, tiers))
                    .append(" pending since ").append(outcome.pendingSince()).append(", tier ").append(tier)
                    .append(" protected until ").append(outcome.protectedUntil()).append(". Qualifies for ")
                    .append(qualified).append(": ");
            appendReason(text, facts, tierRow, qualified, tiers).append('.');
        }
        else {
            text.append(", set by the tier policy. Qualifies for ").append(named(qualified, tiers)).append(": ");
            appendReason(text, facts, tierRow, qualified, tiers).append('.');
        }
        TierGap next = closestNextTier(gaps, tier, tiers);
        if (next != null) {
            text.append(" Not ").append(next.tier()).append(": ");
            for (int i = 0; i < next.unmet().size(); i++) {
                text.append(i == 0 ? "" : "; ").append(next.unmet().get(i).text());
            }
            text.append('.');
        }
        return text.toString();
    }

    /** Of the rows of the tier just above (by the catalog's rank), the one closest to being met; the first of equals. */
    private static TierGap closestNextTier(List<TierGap> gaps, String tier, TierCatalog tiers) {
        TierGap closest = null;
        for (TierGap gap : gaps) {
            boolean nextTier = tiers.rank(gap.tier()) == tiers.rank(tier) - 1;
            if (nextTier && (closest == null || CLOSEST.compare(closest, gap) > 0)) {
                closest = gap;
            }
        }
        return closest;
    }

    private static String tierTitle(String tier, TierCatalog tiers) {
        return "Tier " + named(tier, tiers);
    }

    private static String named(String tier, TierCatalog tiers) {
        return tier + " (" + tiers.name(tier) + ")";
    }

    /** The row's description without the tier name the title already gives, its met conditions, and its source. */
    private static StringBuilder appendReason(StringBuilder text, CustomerFacts facts, RuleInfo row, String tier,
            TierCatalog tiers) {
        String name = tiers.name(tier);
        String description = row.description();
        if (description.startsWith(name) && description.startsWith(":", name.length())) {
            text.append(description.substring(name.length() + 1).trim());
        }
        else {
            text.append(description);
        }
        String separator = " — ";
        for (RuleInfo.Condition condition : row.conditions()) {
            text.append(separator).append(ConditionText.met(condition, actual(facts, condition)));
            separator = ", ";
        }
        return text.append(" (").append(row.source()).append(')');
    }
}
