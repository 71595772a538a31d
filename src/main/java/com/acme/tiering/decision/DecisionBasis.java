package com.acme.tiering.decision;

import java.time.LocalDate;

import com.acme.tiering.facts.CustomerFacts;

/**
 * What a recorded decision was made from, kept beside it in a few hundred bytes: the digest of its facts
 * (FactsDigest), the tier-policy state it started from, and the tier it gave with its since-date. Facts with
 * that digest, given that starting state, make the same decision again under the same ruleset version:
 * this is how a rollback restores a decision exactly (docs/publishing.md).
 *
 * @param fromTier the rules' tier in force before the decision (its facts' currentTier), null for a first one
 */
public record DecisionBasis(String factsDigest, String fromTier, LocalDate fromTierSince, LocalDate fromPendingSince,
        String tier, LocalDate tierSince) {

    static DecisionBasis of(Decision decision) {
        CustomerFacts facts = decision.facts();
        return new DecisionBasis(FactsDigest.of(facts), facts.currentTier(), facts.currentTierSince(),
                facts.downgradePendingSince(), decision.tier(), decision.tierSince());
    }

    /** Whether these facts, derived now, are the facts the decision was made on (tier-policy state aside). */
    public boolean madeOn(CustomerFacts facts) {
        return factsDigest.equals(FactsDigest.of(facts));
    }

    /** The facts given, starting from the tier-policy state this decision started from. */
    public CustomerFacts startingState(CustomerFacts facts) {
        return facts.withTierState(fromTier, fromTierSince, fromPendingSince);
    }

    /** The since-date of the tier a decision made again gives: this decision's, when it is the same tier. */
    public LocalDate tierSince(String tierNow, LocalDate today) {
        return tier.equals(tierNow) ? tierSince : today;
    }
}
