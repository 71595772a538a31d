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
import com.acme.tiering.ruleset.TierCatalog;

import io.micrometer.core.instrument.Timer;

/**
 * How customers are decided under a ruleset: the one path that runs, single evaluations and the simulation of
 * a version all take, so that a simulation shows what publishing then does. Each customer is evaluated with
 * the manual override in force and the tier policy applied to the tier it holds, except where a rollback
 * undoes the version that decided it: then, if its facts are unchanged, it gets again the decision it had
 * before that version (docs/publishing.md).
 *
 * <p>This is also the one place where a version's catalog maps codes it no longer has (its Replaces column): the tier
 * the customer holds, which the tier policy starts from, and the tier of its manual override are taken as the tier
 * that replaces them, so a tier renamed by code keeps its customers, their since-dates and downgrade grace.
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
     * @param replacedTier the tier in force until now when the version's catalog replaces it by the tier it
     *        decided (Replaces): the customer stays in the same stretch under the new code; else null
     */
    public record Decided(Evaluation evaluation, StandingDecision before, Restoration restoration,
            String replacedTier) {

        public Decided(Evaluation evaluation, StandingDecision before, Restoration restoration) {
            this(evaluation, before, restoration, null);
        }
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

    /** The tiers in force until now that the deciding version replaced by another code, by customer id. */
    public static Map<String, String> replacedTiers(List<Decided> decided) {
        Map<String, String> replaced = new java.util.HashMap<>();
        decided.stream().filter(d -> d.replacedTier() != null)
                .forEach(d -> replaced.put(d.evaluation().customerId(), d.replacedTier()));
        return replaced;
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
        TierCatalog tiers = ruleset.tiers();
        List<Decided> decided = new ArrayList<>(facts.size());
        for (CustomerFacts given : facts) {
            CustomerFacts customer = holdingInCatalog(given, tiers);
            TierOverride set = inForce.get(customer.customerId());
            TierOverride override = set == null ? null : set.in(tiers);
            StandingDecision before = standing.get(customer.customerId());
            long start = System.nanoTime();
            decided.add(withReplacedTier(rollback.flatMap(r -> restored(customer, ruleset, r, before, override))
                    .orElseGet(() -> new Decided(evaluator.evaluate(customer, ruleset, override), before, null)),
                    tiers));
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
        Evaluation again = evaluator.evaluate(holdingInCatalog(prior.startingState(customer), ruleset.tiers()), ruleset,
                override);
        Restoration restoration = new Restoration(rollback.rolledBackId(), rollback.rolledBackVersion(),
                prior.tierSince(again.tier(), customer.asOf()));
        return before.sameAs(again, restoration.tierSince()) ? Optional.empty()
                : Optional.of(new Decided(again, before, restoration));
    }

    /**
     * The facts starting from the tier that replaces the one the customer holds, where the version's catalog lacks
     * that code and a tier lists it in Replaces: same since-date, same pending downgrade.
     */
    private static CustomerFacts holdingInCatalog(CustomerFacts facts, TierCatalog tiers) {
        return tiers.replacing(facts.currentTier()).map(tier -> facts.withTierState(tier.code(),
                facts.currentTierSince(), facts.downgradePendingSince())).orElse(facts);
    }

    /** Notes where the tier in force until now was replaced by the code the version decided. */
    private static Decided withReplacedTier(Decided decided, TierCatalog tiers) {
        StandingDecision before = decided.before();
        if (before == null || tiers.replacing(before.tier()).map(t -> !t.code().equals(decided.evaluation().tier()))
                .orElse(true)) {
            return decided;
        }
        return new Decided(decided.evaluation(), before, decided.restoration(), before.tier());
    }
}
