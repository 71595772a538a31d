package com.acme.tiering.run;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.acme.tiering.audit.AuditLog;
import com.acme.tiering.decision.Decision;
import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.decision.DecisionRecorder;
import com.acme.tiering.evaluation.Evaluation;
import com.acme.tiering.evaluation.Evaluator;
import com.acme.tiering.evaluation.TierOverride;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.facts.CustomerFactsService;
import com.acme.tiering.override.ManualOverrideStore;

/**
 * Evaluates one customer now and records the result, scored with the population statistics of the
 * latest run (the explanation says which) and with the manual override in force, if any.
 */
@Service
public class CustomerEvaluation {

    private final CustomerFactsService facts;
    private final Evaluator evaluator;
    private final DecisionRecorder recorder;
    private final Clock clock;
    private final ManualOverrideStore overrides;
    private final DecisionQueries decisions;
    private final AuditLog audit;
    private final RunMetrics metrics;

    CustomerEvaluation(CustomerFactsService facts, Evaluator evaluator, DecisionRecorder recorder, Clock clock,
            ManualOverrideStore overrides, DecisionQueries decisions, AuditLog audit, RunMetrics metrics) {
        this.overrides = overrides;
        this.decisions = decisions;
        this.audit = audit;
        this.metrics = metrics;
        this.facts = facts;
        this.evaluator = evaluator;
        this.recorder = recorder;
        this.clock = clock;
    }

    /**
     * Evaluates the customer after a change: new orders, interactions or details, an override set or ended.
     *
     * @throws CustomerUnknown when there is no such customer
     */
    @Transactional
    public Decision evaluateNow(String customerId) {
        return evaluate(customerId, RunMetrics.Trigger.EVENT);
    }

    private Decision evaluate(String customerId, RunMetrics.Trigger trigger) {
        CustomerFacts customerFacts = facts.factsFor(customerId, LocalDate.now(clock))
                .orElseThrow(() -> CustomerUnknown.withId(customerId));
        Instant now = clock.instant();
        TierOverride override = overrides.inForce(customerId, now).orElse(null);
        Evaluation evaluation = metrics.evaluation(trigger).record(() -> evaluator.evaluate(customerFacts, override));
        return recorder.record(List.of(evaluation), null, now).recorded().get(0);
    }

    /**
     * Evaluates the customer because someone asked to, and keeps that in the audit log with the decision
     * before and after. (Evaluations that follow from other changes are audited as those changes.)
     */
    @Transactional
    public Decision evaluateOnRequest(String customerId) {
        AuditedDecision before = decisions.current(customerId).map(AuditedDecision::of).orElse(null);
        Decision after = evaluate(customerId, RunMetrics.Trigger.REQUEST);
        audit.record("CUSTOMER_EVALUATED", "customer", customerId, before, AuditedDecision.of(after));
        return after;
    }

    /** A decision as the audit log shows it: what it decided, without the facts and explanation it keeps. */
    record AuditedDecision(String tier, String rulesTier, String servicePlan, String lifecycleStage,
            String rfmSegment, String churnRisk, String rulesetVersion, Instant evaluatedAt) {

        static AuditedDecision of(Decision d) {
            return new AuditedDecision(d.tier(), d.rulesTier(), d.servicePlan() == null ? null : d.servicePlan().code(),
                    d.lifecycleStage(), d.rfmSegment(), d.churnRisk(), d.rulesetVersion(), d.evaluatedAt());
        }
    }
}
