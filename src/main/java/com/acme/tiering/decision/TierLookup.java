package com.acme.tiering.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.acme.tiering.evaluation.Evaluation.ChurnSignal;
import com.acme.tiering.evaluation.Evaluation.ServicePlan;
import com.acme.tiering.evaluation.TierOverride;

/**
 * The answer to a sales system's tier lookup: the decision without its facts and explanation.
 *
 * @param rulesTier the rules' own tier; differs from {@code tier} only while a manual override changes it
 * @param manualOverride the override in force, else null
 */
public record TierLookup(
        String customerId,
        String tier,
        String tierName,
        String rulesTier,
        TierOverride manualOverride,
        LocalDate tierSince,
        ServicePlan servicePlan,
        String lifecycleStage,
        String rfmSegment,
        String churnRisk,
        List<ChurnSignal> churnSignals,
        LocalDate downgradePendingSince,
        LocalDate tierProtectedUntil,
        String rulesetVersion,
        Instant evaluatedAt) {

    public static TierLookup of(Decision d) {
        return new TierLookup(d.customerId(), d.tier(), d.tierName(), rulesTier(d), d.manualOverride(), d.tierSince(),
                d.servicePlan(), d.lifecycleStage(), d.rfmSegment(), d.churnRisk(), d.churnSignals(),
                d.downgradePendingSince(), d.tierProtectedUntil(), d.rulesetVersion(), d.evaluatedAt());
    }

    /** Decisions recorded before overrides existed carry no rules' tier: theirs was the tier in force. */
    private static String rulesTier(Decision d) {
        return d.rulesTier() == null ? d.tier() : d.rulesTier();
    }
}
