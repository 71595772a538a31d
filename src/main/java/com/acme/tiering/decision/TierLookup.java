package com.acme.tiering.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.acme.tiering.evaluation.Evaluation.ChurnSignal;
import com.acme.tiering.evaluation.Evaluation.ServicePlan;

/** The answer to a sales system's tier lookup: the decision without its facts and explanation. */
public record TierLookup(
        String customerId,
        String tier,
        String tierName,
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
        return new TierLookup(d.customerId(), d.tier(), d.tierName(), d.tierSince(), d.servicePlan(),
                d.lifecycleStage(), d.rfmSegment(), d.churnRisk(), d.churnSignals(), d.downgradePendingSince(),
                d.tierProtectedUntil(), d.rulesetVersion(), d.evaluatedAt());
    }
}
