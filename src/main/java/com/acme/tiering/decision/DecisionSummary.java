package com.acme.tiering.decision;

import java.util.Map;

/** How the customer base is tiered right now: counts of current decisions per dimension. */
public record DecisionSummary(
        long customers,
        long decided,
        Map<String, Long> byTier,
        Map<String, Long> byServicePlan,
        Map<String, Long> byLifecycleStage,
        Map<String, Long> byRfmSegment,
        Map<String, Long> byChurnRisk,
        Map<String, Long> byChurnTrigger) {
}
