package com.acme.tiering.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.acme.tiering.evaluation.Evaluation.ChurnSignal;
import com.acme.tiering.evaluation.Evaluation.Entitlements;
import com.acme.tiering.evaluation.Evaluation.ServicePlan;

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
    private String accountManager;
    private Integer responseSlaHours;
    private String reviewCadence;
    private Integer visitsPerYear;
    private BigDecimal discountPct;
    private String supportChannel;

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

    public void accountManager(String value) {
        this.accountManager = value;
    }

    public void responseSlaHours(int hours) {
        this.responseSlaHours = hours;
    }

    public void reviewCadence(String value) {
        this.reviewCadence = value;
    }

    public void visitsPerYear(int visits) {
        this.visitsPerYear = visits;
    }

    public void discountPct(double percent) {
        this.discountPct = BigDecimal.valueOf(percent).stripTrailingZeros();
    }

    public void supportChannel(String value) {
        this.supportChannel = value;
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
        return new ServicePlan(plan, new Entitlements(accountManager, responseSlaHours, reviewCadence, visitsPerYear,
                discountPct == null ? null : discountPct.setScale(Math.max(0, discountPct.scale())),
                supportChannel));
    }
}
