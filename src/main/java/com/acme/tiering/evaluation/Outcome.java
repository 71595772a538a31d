package com.acme.tiering.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.acme.tiering.evaluation.Evaluation.ChurnSignal;
import com.acme.tiering.evaluation.Evaluation.Entitlements;
import com.acme.tiering.evaluation.Evaluation.ServicePlan;
import com.acme.tiering.ruleset.EntitlementType;

/**
 * The global {@code decision} that rule actions write to: the allow-list of decision outputs.
 * One instance per evaluation; never shared between threads.
 */
public final class Outcome {

    private String qualifiedTier;
    private String tier;
    private String lifecycleStage;
    private String rfmSegment;
    private LocalDate downgradePendingSince;
    private LocalDate tierProtectedUntil;
    private final List<ChurnSignal> signals = new ArrayList<>();
    private String plan;
    private final Map<String, Object> entitlements = new LinkedHashMap<>();

    /** The tier a tier-table row gives, before the tier policy. */
    public void tier(String code) {
        this.qualifiedTier = code;
    }

    public void assignTier(String code) {
        this.tier = code;
        this.downgradePendingSince = null;
        this.tierProtectedUntil = null;
    }

    /** Keeps the current tier while a downgrade waits; the last protected day is pendingSince + graceDays - 1. */
    public void keepTierDuringGrace(String currentTier, LocalDate pendingSince, int graceDays) {
        this.tier = currentTier;
        this.downgradePendingSince = pendingSince;
        this.tierProtectedUntil = pendingSince.plusDays(graceDays - 1L);
    }

    public void lifecycleStage(String stage) {
        this.lifecycleStage = stage;
    }

    public void rfmSegment(String segment) {
        this.rfmSegment = segment;
    }

    public void signal(String triggerId, String risk, String recommendedAction, int dueWithinHours) {
        signal(triggerId, risk, recommendedAction, null, dueWithinHours);
    }

    /**
     * A trigger's signal. A trigger gives one signal: when it has one already, the higher risk stays, in the place
     * of the first (a trigger table's rows of one trigger already give only their highest risk; this keeps DRL and
     * tables that name the same trigger from opening two alerts for it).
     */
    public void signal(String triggerId, String risk, String recommendedAction, String ownerRole,
            int dueWithinHours) {
        ChurnSignal signal = new ChurnSignal(triggerId, risk, recommendedAction, ownerRole, dueWithinHours);
        for (int i = 0; i < signals.size(); i++) {
            if (signals.get(i).triggerId().equals(triggerId)) {
                if (riskRank(risk) > riskRank(signals.get(i).risk())) {
                    signals.set(i, signal);
                }
                return;
            }
        }
        signals.add(signal);
    }

    public void plan(String code) {
        this.plan = code;
    }

    /**
     * An entitlement a plan-table column declares ({@code entitlement freeShipping yes/no}): the generated call
     * hands over the declared type's word and the cell's text, which the safe dialect checked against that type.
     */
    public void entitlement(String name, String type, String value) {
        entitlements.put(name, Arrays.stream(EntitlementType.values()).filter(t -> t.word().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown entitlement type " + type)).value(value));
    }

    // The actions of tables written before entitlements were declared: each one entitlement of a fixed type.

    public void accountManager(String value) {
        entitlements.put("accountManager", value);
    }

    public void responseSlaHours(int hours) {
        entitlements.put("responseSlaHours", (long) hours);
    }

    public void reviewCadence(String value) {
        entitlements.put("reviewCadence", value);
    }

    public void visitsPerYear(int visits) {
        entitlements.put("visitsPerYear", (long) visits);
    }

    public void discountPct(double percent) {
        entitlements.put("discountPct", EntitlementType.decimal(BigDecimal.valueOf(percent)));
    }

    public void supportChannel(String value) {
        entitlements.put("supportChannel", value);
    }

    String qualifiedTier() {
        return qualifiedTier;
    }

    String assignedTier() {
        return tier;
    }

    String lifecycle() {
        return lifecycleStage;
    }

    String segment() {
        return rfmSegment;
    }

    LocalDate pendingSince() {
        return downgradePendingSince;
    }

    LocalDate protectedUntil() {
        return tierProtectedUntil;
    }

    List<ChurnSignal> signals() {
        return List.copyOf(signals);
    }

    /** The highest risk among the signals, NONE when there is none. */
    String churnRisk() {
        String highest = null;
        for (ChurnSignal signal : signals) {
            if (highest == null || riskRank(signal.risk()) > riskRank(highest)) {
                highest = signal.risk();
            }
        }
        return highest == null ? "NONE" : highest;
    }

    private static int riskRank(String risk) {
        return switch (risk) {
            case "HIGH" -> 3;
            case "MEDIUM" -> 2;
            case "LOW" -> 1;
            default -> 0;
        };
    }

    ServicePlan servicePlan() {
        if (plan == null) {
            return null;
        }
        return new ServicePlan(plan, new Entitlements(entitlements));
    }
}
