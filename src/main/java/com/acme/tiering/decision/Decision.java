package com.acme.tiering.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.acme.tiering.evaluation.Evaluation;
import com.acme.tiering.evaluation.Evaluation.ChurnSignal;
import com.acme.tiering.evaluation.Evaluation.ServicePlan;
import com.acme.tiering.evaluation.Explanation;
import com.acme.tiering.evaluation.TierOverride;
import com.acme.tiering.facts.CustomerFacts;

/**
 * A recorded decision: what the rules decided for one customer, when, under which ruleset version,
 * on which facts and why. The current decision is what lookups return; history rows keep old ones.
 *
 * @param tierSince the first evaluation date of the uninterrupted stretch in this tier
 * @param runId the evaluation run that made it, null for a single-customer evaluation
 * @param rulesTier the rules' own tier, shown beside the tier in force when a manual override changed it
 * @param manualOverride the override in force when the decision was made, else null
 * @param restoration set when a rollback restored this decision, the one the customer had before the rolled-back
 *        version; null for every other decision
 * @param renamed set when the decision's only news may be its tier's name or code: the version deciding renamed the
 *        tier the customer held, or replaced its code by another (the catalog's Replaces); null otherwise
 */
public record Decision(
        String customerId,
        String tier,
        String tierName,
        String qualifiedTier,
        String rulesTier,
        TierOverride manualOverride,
        LocalDate tierSince,
        LocalDate downgradePendingSince,
        LocalDate tierProtectedUntil,
        ServicePlan servicePlan,
        String lifecycleStage,
        String rfmSegment,
        String churnRisk,
        List<ChurnSignal> churnSignals,
        String rulesetVersion,
        Long runId,
        LocalDate asOf,
        Instant evaluatedAt,
        CustomerFacts facts,
        Explanation explanation,
        Restored restoration,
        TierRenamed renamed) {

    public Decision(String customerId, String tier, String tierName, String qualifiedTier, String rulesTier,
            TierOverride manualOverride, LocalDate tierSince, LocalDate downgradePendingSince,
            LocalDate tierProtectedUntil, ServicePlan servicePlan, String lifecycleStage, String rfmSegment,
            String churnRisk, List<ChurnSignal> churnSignals, String rulesetVersion, Long runId, LocalDate asOf,
            Instant evaluatedAt, CustomerFacts facts, Explanation explanation, Restored restoration) {
        this(customerId, tier, tierName, qualifiedTier, rulesTier, manualOverride, tierSince, downgradePendingSince,
                tierProtectedUntil, servicePlan, lifecycleStage, rfmSegment, churnRisk, churnSignals, rulesetVersion,
                runId, asOf, evaluatedAt, facts, explanation, restoration, null);
    }

    /**
     * What restored a decision: rolling back a ruleset version, named by its id and the rulesetVersion its own
     * decisions record, and the same in words for the history.
     */
    public record Restored(long rolledBackVersionId, String rolledBackVersion, String note) {

        static Restored by(Restoration restoration) {
            return new Restored(restoration.rolledBackVersionId(), restoration.rolledBackVersion(),
                    "Restored by rolling back version " + restoration.rolledBackVersionId());
        }
    }

    /**
     * The tier the customer held, under the name (and code) it had, and what the version deciding calls it now: the
     * history row that records the change says so, so history and lookups agree on the tier's name.
     *
     * @param versionId the stored ruleset version whose catalog made the change, null when not known
     */
    public record TierRenamed(String fromTier, String fromName, String tier, String name, Long versionId,
            String note) {

        static TierRenamed of(String fromTier, String fromName, String tier, String name, Long versionId,
                String rulesetVersion) {
            String by = versionId != null ? "version " + versionId : "the rules " + rulesetVersion.substring(0, 12);
            String note = fromTier.equals(tier) ? "Tier " + tier + " renamed by " + by + ": " + fromName + " → " + name
                    : "Tier " + fromTier + " (" + fromName + ") replaced by " + tier + " (" + name + ") in " + by;
            return new TierRenamed(fromTier, fromName, tier, name, versionId, note);
        }
    }

    /** This decision with the rename that makes it a change. */
    Decision renamed(TierRenamed renaming) {
        return new Decision(customerId, tier, tierName, qualifiedTier, rulesTier, manualOverride, tierSince,
                downgradePendingSince, tierProtectedUntil, servicePlan, lifecycleStage, rfmSegment, churnRisk,
                churnSignals, rulesetVersion, runId, asOf, evaluatedAt, facts, explanation, restoration, renaming);
    }

    static Decision of(Evaluation evaluation, LocalDate tierSince, Long runId, Instant evaluatedAt) {
        return of(evaluation, tierSince, runId, evaluatedAt, null);
    }

    static Decision of(Evaluation evaluation, LocalDate tierSince, Long runId, Instant evaluatedAt,
            Restored restoration) {
        return new Decision(evaluation.customerId(), evaluation.tier(), evaluation.tierName(),
                evaluation.qualifiedTier(), evaluation.rulesTier(), evaluation.manualOverride(), tierSince,
                evaluation.downgradePendingSince(),
                evaluation.tierProtectedUntil(), evaluation.servicePlan(), evaluation.lifecycleStage(),
                evaluation.rfmSegment(), evaluation.churnRisk(), evaluation.churnSignals(),
                evaluation.rulesetVersion(), runId, evaluation.asOf(), evaluatedAt, evaluation.facts(),
                evaluation.explanation(), restoration);
    }

    String planCode() {
        return servicePlan == null ? null : servicePlan.code();
    }

    /** Trigger ids, sorted and space-separated: the stored form summaries and change detection use. */
    String churnTriggers() {
        return churnSignals.stream().map(ChurnSignal::triggerId).sorted().reduce((a, b) -> a + " " + b).orElse("");
    }

    /**
     * What makes a history row: a change in any of these is worth recording, a re-evaluation that
     * only moves facts (days since, amounts) is not. Setting, ending or replacing a manual override is
     * recorded too, and so is a change of the rules' own tier under it. Without an override the key is
     * what it was before overrides existed, so upgrading the service writes no history rows by itself.
     */
    String changeKey() {
        String signals = churnSignals.stream().map(s -> s.triggerId() + ":" + s.risk()).sorted()
                .reduce((a, b) -> a + "," + b).orElse("");
        String key = String.join("|", tier, String.valueOf(planCode()), String.valueOf(lifecycleStage),
                String.valueOf(rfmSegment), signals);
        return manualOverride == null ? key : key + "|override:" + manualOverride.id() + ":" + rulesTier;
    }
}
