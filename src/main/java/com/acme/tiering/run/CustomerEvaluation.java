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
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.facts.CustomerFactsService;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRuleset;

/**
 * Evaluates one customer now and records the result, scored with the population statistics of the
 * latest run (the explanation says which) and with the manual override in force, if any; decided by the
 * same path as runs (DecisionPath), so after a rollback it restores a decision as a run would.
 */
@Service
public class CustomerEvaluation {

    private final CustomerFactsService facts;
    private final DecisionPath path;
    private final ActiveRuleset active;
    private final DecisionRecorder recorder;
    private final Clock clock;
    private final DecisionQueries decisions;
    private final AuditLog audit;
    private final RunMetrics metrics;

    CustomerEvaluation(CustomerFactsService facts, DecisionPath path, ActiveRuleset active, DecisionRecorder recorder,
            Clock clock, DecisionQueries decisions, AuditLog audit, RunMetrics metrics) {
        this.path = path;
        this.active = active;
        this.decisions = decisions;
        this.audit = audit;
        this.metrics = metrics;
        this.facts = facts;
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
        CompiledRuleset ruleset = active.current();
        List<DecisionPath.Decided> decided = path.decide(List.of(customerFacts), ruleset,
                path.rollbackInForce(ruleset), now, metrics.evaluation(trigger));
        return recorder.record(DecisionPath.evaluations(decided), DecisionPath.restorations(decided),
                DecisionPath.replacedTiers(decided), null, now).recorded().get(0);
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
