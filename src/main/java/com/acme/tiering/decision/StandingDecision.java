package com.acme.tiering.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import com.acme.tiering.evaluation.Evaluation;

/**
 * A customer's current decision as deciding it again needs it, read from the columns of current_decision
 * without its JSON: what it decided, under which version, and what the decision before that version was made
 * from, if a rollback is to restore it.
 *
 * @param tierName the tier's name when it was decided
 * @param rulesTier the rules' tier under a manual override, else the tier
 * @param churnTriggers trigger ids, sorted and space-separated
 * @param priorVersion the ruleset version of the decision this version's decisions replaced, null when unknown
 * @param priorBasis what that decision was made from, null when unknown (decisions recorded before V18)
 */
public record StandingDecision(String customerId, String tier, String tierName, String rulesTier, String qualifiedTier,
        String planCode, String churnTriggers, LocalDate tierSince, LocalDate downgradePendingSince, String changeKey,
        String rulesetVersion, String priorVersion, DecisionBasis priorBasis) {

    /**
     * Whether recording this evaluation with this since-date would leave the decision as it is: the same change
     * key (tier, plan, lifecycle stage, RFM segment, churn signals, override), tier name, since-date and pending
     * downgrade.
     */
    public boolean sameAs(Evaluation evaluation, LocalDate sinceDate) {
        return changeKey.equals(Decision.of(evaluation, sinceDate, null, Instant.EPOCH).changeKey())
                && (tierName == null || tierName.equals(evaluation.tierName()))
                && tierSince.equals(sinceDate) && Objects.equals(downgradePendingSince, evaluation.downgradePendingSince());
    }
}
