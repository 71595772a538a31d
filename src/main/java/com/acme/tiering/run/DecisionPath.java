package com.acme.tiering.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.acme.tiering.decision.DecisionBasis;
import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.decision.Restoration;
import com.acme.tiering.decision.Rollback;
import com.acme.tiering.decision.Rollbacks;
import com.acme.tiering.decision.StandingDecision;
import com.acme.tiering.evaluation.Evaluation;
import com.acme.tiering.evaluation.Evaluator;
import com.acme.tiering.evaluation.TierOverride;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.override.OverridesInForce;
import com.acme.tiering.ruleset.CompiledRuleset;

import io.micrometer.core.instrument.Timer;

/**
 * How customers are decided under a ruleset: the one path that runs, single evaluations and the simulation of
 * a version all take, so that a simulation shows what publishing then does. Each customer is evaluated with
 * the manual override in force and the tier policy applied to the tier it holds, except where a rollback
 * undoes the version that decided it: then, if its facts are unchanged, it gets again the decision it had
 * before that version (docs/publishing.md).
 */
@Component
public class DecisionPath {

    private final Evaluator evaluator;
    private final OverridesInForce overrides;
    private final DecisionQueries decisions;
    private final Rollbacks rollbacks;

    DecisionPath(Evaluator evaluator, OverridesInForce overrides, DecisionQueries decisions, Rollbacks rollbacks) {
        this.evaluator = evaluator;
        this.overrides = overrides;
        this.decisions = decisions;
        this.rollbacks = rollbacks;
    }

    /**
     * One customer decided.
     *
     * @param before the customer's decision until now, null when it has none
     * @param restoration set when the evaluation restores the decision the customer had before a rolled-back
     *        version; null for an ordinary evaluation
     */
    public record Decided(Evaluation evaluation, StandingDecision before, Restoration restoration) {
    }

    /** The evaluations to record, in the order decided. */
    public static List<Evaluation> evaluations(List<Decided> decided) {
        return decided.stream().map(Decided::evaluation).toList();
    }

    /** The restorations among them, by customer id, as the recorder takes them. */
    public static Map<String, Restoration> restorations(List<Decided> decided) {
        Map<String, Restoration> restorations = new java.util.HashMap<>();
        decided.stream().filter(d -> d.restoration() != null)
                .forEach(d -> restorations.put(d.evaluation().customerId(), d.restoration()));
        return restorations;
    }

    /** The rollback that put these rules in force, while it is the latest change of the rules in force. */
    public Optional<Rollback> rollbackInForce(CompiledRuleset ruleset) {
        return rollbacks.inForce(ruleset.version());
    }

    /**
     * Decides customers under a ruleset, recording nothing.
     *
     * @param rollback the rollback that puts this ruleset in force (or would, for a simulation), else empty
     */
    public List<Decided> decide(List<CustomerFacts> facts, CompiledRuleset ruleset, Optional<Rollback> rollback,
            Instant now) {
        return decide(facts, ruleset, rollback, now, null);
    }

    /** @param timer times each customer's evaluation, null for none */
    List<Decided> decide(List<CustomerFacts> facts, CompiledRuleset ruleset, Optional<Rollback> rollback, Instant now,
            Timer timer) {
        List<String> ids = facts.stream().map(CustomerFacts::customerId).toList();
        Map<String, TierOverride> inForce = overrides.inForce(ids, now);
        Map<String, StandingDecision> standing = decisions.standing(ids);
        List<Decided> decided = new ArrayList<>(facts.size());
        for (CustomerFacts customer : facts) {
            TierOverride override = inForce.get(customer.customerId());
            StandingDecision before = standing.get(customer.customerId());
            long start = System.nanoTime();
            decided.add(rollback.flatMap(r -> restored(customer, ruleset, r, before, override))
                    .orElseGet(() -> new Decided(evaluator.evaluate(customer, ruleset, override), before, null)));
            if (timer != null) {
                timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }
        return decided;
    }

    /**
     * The decision the customer had before the rolled-back version, made again from the tier state it started
     * from: only where the rolled-back version made the customer's decision, the one before it was made by the
     * version now in force, the facts the rules read are those it was made on, and the rolled-back version
     * changed something (else an ordinary evaluation gives the same).
     */
    private Optional<Decided> restored(CustomerFacts customer, CompiledRuleset ruleset, Rollback rollback,
            StandingDecision before, TierOverride override) {
        if (before == null || before.priorBasis() == null || !rollback.rolledBackVersion().equals(before.rulesetVersion())
                || !ruleset.version().equals(before.priorVersion())) {
            return Optional.empty();
        }
        DecisionBasis prior = before.priorBasis();
        if (!prior.madeOn(customer)) {
            return Optional.empty();
        }
        Evaluation again = evaluator.evaluate(prior.startingState(customer), ruleset, override);
        Restoration restoration = new Restoration(rollback.rolledBackId(), rollback.rolledBackVersion(),
                prior.tierSince(again.tier(), customer.asOf()));
        return before.sameAs(again, restoration.tierSince()) ? Optional.empty()
                : Optional.of(new Decided(again, before, restoration));
    }
}
