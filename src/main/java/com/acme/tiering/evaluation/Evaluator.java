package com.acme.tiering.evaluation;

import org.kie.api.runtime.KieSession;
import org.kie.internal.event.rule.RuleEventManager;
import org.springframework.stereotype.Service;

import com.acme.tiering.facts.AssignedTier;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.facts.PlanContext;
import com.acme.tiering.facts.TierCandidate;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRuleset;

/**
 * Runs the rules for one customer. The policy is in the rules; this class only orders the stages, each
 * reading what the one before decided: classify (lifecycle, RFM segment, qualified tier) → tier policy →
 * manual override, if one is in force → churn triggers → service plan.
 */
@Service
public class Evaluator {

    private static final ExplanationWriter EXPLANATIONS = new ExplanationWriter();

    private final ActiveRuleset active;

    Evaluator(ActiveRuleset active) {
        this.active = active;
    }

    public Evaluation evaluate(CustomerFacts facts) {
        return evaluate(facts, active.current());
    }

    /** Evaluates with the active ruleset and the customer's manual override, null when none is in force. */
    public Evaluation evaluate(CustomerFacts facts, TierOverride override) {
        return run(facts, active.current(), override);
    }

    /** Evaluates with a given ruleset version, e.g. a draft being tested or simulated. */
    public Evaluation evaluate(CustomerFacts facts, CompiledRuleset ruleset) {
        return run(facts, ruleset, null);
    }

    public Evaluation evaluate(CustomerFacts facts, CompiledRuleset ruleset, TierOverride override) {
        return run(facts, ruleset, override);
    }

    /** The evaluation itself, needing no bean: rule tests run it on rulesets that are not active. */
    static Evaluation run(CustomerFacts facts, CompiledRuleset ruleset) {
        return run(facts, ruleset, null);
    }

    static Evaluation run(CustomerFacts facts, CompiledRuleset ruleset, TierOverride override) {
        return run(facts, ruleset, override, new FiringRecorder(ruleset));
    }

    /**
     * The same decision without its explanation: no firing is recorded and nothing is written for auditors,
     * so {@link Evaluation#explanation()} is null. For callers that only count outcomes and for benchmarks
     * that price the explanation; never recorded as a decision.
     */
    static Evaluation decide(CustomerFacts facts, CompiledRuleset ruleset, TierOverride override) {
        return run(facts, ruleset, override, null);
    }

    private static Evaluation run(CustomerFacts facts, CompiledRuleset ruleset, TierOverride override,
            FiringRecorder firings) {
        Outcome outcome = new Outcome();
        KieSession session = ruleset.newSession();
        try {
            session.setGlobal("decision", outcome);
            if (firings != null) {
                // Drools' sessions are rule event managers: the fired match itself, no event objects per match
                ((RuleEventManager) session).addEventListener(firings);
            }
            session.insert(facts);
            session.fireAllRules();
            // no tier row matched: the lowest tier of the catalog, as a table ending without a catch-all row implies
            String qualified = outcome.qualifiedTier() == null ? ruleset.tiers().lowest().code()
                    : outcome.qualifiedTier();
            session.insert(TierCandidate.of(facts, qualified, ruleset.tiers()::rank));
            session.fireAllRules();
            String rulesTier = outcome.assignedTier() == null ? qualified : outcome.assignedTier();
            String tier = override == null ? rulesTier : override.apply(rulesTier, ruleset.tiers());
            session.insert(new AssignedTier(facts.customerId(), tier));
            session.fireAllRules();
            session.insert(new PlanContext(facts.customerId(), tier, outcome.churnRisk(), outcome.lifecycle(),
                    facts.attributes()));
            session.fireAllRules();
            Explanation explanation = firings == null ? null
                    : EXPLANATIONS.explain(facts, ruleset, firings, outcome, qualified, rulesTier, override);
            return result(facts, ruleset, outcome, explanation, qualified, rulesTier, override, tier);
        }
        finally {
            session.dispose();
        }
    }

    private static Evaluation result(CustomerFacts facts, CompiledRuleset ruleset, Outcome outcome,
            Explanation explanation, String qualified, String rulesTier, TierOverride override, String tier) {
        return new Evaluation(facts.customerId(), facts.asOf(), ruleset.version(), tier, ruleset.tiers().name(tier), qualified,
                rulesTier, override, outcome.pendingSince(), outcome.protectedUntil(), outcome.servicePlan(),
                outcome.lifecycle(), outcome.segment(), outcome.churnRisk(), outcome.signals(), facts, explanation);
    }
}
