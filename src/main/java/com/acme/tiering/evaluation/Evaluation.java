package com.acme.tiering.evaluation;

import java.time.LocalDate;
import java.util.List;

import com.acme.tiering.facts.CustomerFacts;

/**
 * The result of running the active ruleset for one customer: nothing is recorded yet.
 *
 * @param qualifiedTier the tier the tier table gave before the tier policy (downgrade grace) applied
 * @param tier the tier in force: the rules' tier, or what a manual override made of it
 * @param rulesTier the tier the rules gave after the tier policy, whatever a manual override says
 * @param manualOverride the override in force when the customer was evaluated, else null
 * @param downgradePendingSince set while a downgrade waits for its grace period, else null
 * @param tierProtectedUntil the last day the current tier is protected by the grace period, else null
 * @param churnRisk NONE, LOW, MEDIUM or HIGH: the highest risk among the signals
 */
public record Evaluation(
        String customerId,
        LocalDate asOf,
        String rulesetVersion,
        String tier,
        String tierName,
        String qualifiedTier,
        String rulesTier,
        TierOverride manualOverride,
        LocalDate downgradePendingSince,
        LocalDate tierProtectedUntil,
        ServicePlan servicePlan,
        String lifecycleStage,
        String rfmSegment,
        String churnRisk,
        List<ChurnSignal> churnSignals,
        CustomerFacts facts,
        Explanation explanation) {

    public record ServicePlan(String code, Entitlements entitlements) {
    }

    public record Entitlements(
            String accountManager,
            Integer responseSlaHours,
            String reviewCadence,
            Integer visitsPerYear,
            java.math.BigDecimal discountPct,
            String supportChannel) {
    }

    /**
     * @param ownerRole who in the sales or service organisation acts on it, e.g. ACCOUNT_MANAGER; null when the rule
     *     names none
     */
    public record ChurnSignal(String triggerId, String risk, String recommendedAction, String ownerRole,
            int dueWithinHours) {
    }
}
