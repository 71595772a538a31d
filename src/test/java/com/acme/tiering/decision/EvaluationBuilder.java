package com.acme.tiering.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.acme.tiering.evaluation.Evaluation;
import com.acme.tiering.evaluation.Evaluation.ChurnSignal;
import com.acme.tiering.evaluation.Evaluation.Entitlements;
import com.acme.tiering.evaluation.Evaluation.ServicePlan;
import com.acme.tiering.evaluation.Explanation;
import com.acme.tiering.facts.CustomerFacts;

/** Test data builder: an evaluation as the rules would produce it, with only what a test cares about. */
final class EvaluationBuilder {

    private final String customerId;
    private LocalDate asOf = LocalDate.of(2026, 3, 1);
    private String tier = "C";
    private String rulesetVersion = "a".repeat(64);
    private String plan = "STANDARD";
    private String lifecycleStage = "ACTIVE";
    private String rfmSegment = "Need Attention";
    private String accountOwner = "Dana Seller";
    private final List<ChurnSignal> signals = new ArrayList<>();

    private EvaluationBuilder(String customerId) {
        this.customerId = customerId;
    }

    static EvaluationBuilder evaluationOf(String customerId) {
        return new EvaluationBuilder(customerId);
    }

    EvaluationBuilder rulesetVersion(String version) {
        this.rulesetVersion = version;
        return this;
    }

    EvaluationBuilder asOf(LocalDate date) {
        this.asOf = date;
        return this;
    }

    EvaluationBuilder tier(String tier, String plan) {
        this.tier = tier;
        this.plan = plan;
        return this;
    }

    EvaluationBuilder lifecycleStage(String stage) {
        this.lifecycleStage = stage;
        return this;
    }

    EvaluationBuilder signal(String triggerId, String risk, int dueWithinHours) {
        signals.add(new ChurnSignal(triggerId, risk, "act on " + triggerId, "ACCOUNT_MANAGER", dueWithinHours));
        return this;
    }

    Evaluation build() {
        CustomerFacts facts = new CustomerFacts(customerId, "Name of " + customerId, "Retail", "North", 50,
                accountOwner, asOf, asOf.minusYears(2), 730, 24, 10, 5, new BigDecimal("12000.00"), BigDecimal.ZERO,
                null, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("2400.00"), new BigDecimal("70"), 0, 0, 5, 8, 0,
                3, 3, 3, new BigDecimal("0.95"), null, null, null);
        String risk = signals.stream().map(ChurnSignal::risk).max(EvaluationBuilder::compareRisk).orElse("NONE");
        Explanation explanation = new Explanation("Tier " + tier, List.of(), List.of(), List.of());
        return new Evaluation(customerId, asOf, rulesetVersion, tier, "Tier " + tier, tier, tier, null, null, null,
                new ServicePlan(plan, new Entitlements(new java.util.TreeMap<>(java.util.Map.of(
                        "accountManager", "POOLED", "responseSlaHours", 24L, "reviewCadence", "SEMI_ANNUAL",
                        "visitsPerYear", 1L, "discountPct", new BigDecimal("2"), "supportChannel", "EMAIL")))),
                lifecycleStage, rfmSegment, risk, List.copyOf(signals), facts, explanation);
    }

    private static int compareRisk(String a, String b) {
        List<String> order = List.of("LOW", "MEDIUM", "HIGH");
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }
}
