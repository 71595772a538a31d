package com.acme.tiering.governance;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.acme.tiering.decision.StandingDecision;
import com.acme.tiering.evaluation.Evaluation;

/**
 * One customer in a simulation: what is in force now, and the decision putting the version in force then makes.
 *
 * @param tierNow the tier of the current decision, "-" without one
 * @param qualifiedNow the tier the tier table of the rules in force gives now
 * @param after the decision the simulated version makes, exactly as the run after publishing makes it
 * @param restored whether that decision restores the one the customer had before a rolled-back version
 * @param pendingNow the tier the customer's downgrade waits to go to now, null when none waits
 */
record SimulatedCustomer(String customerId, String tierNow, String planNow, Set<String> triggersNow,
        String qualifiedNow, Evaluation after, boolean restored, String pendingNow) {

    static final String NONE = "-";

    static SimulatedCustomer of(StandingDecision now, Evaluation qualifiedNow, Evaluation after, boolean restored) {
        return new SimulatedCustomer(after.customerId(), now == null ? NONE : now.tier(),
                now == null || now.planCode() == null ? NONE : now.planCode(), triggers(now),
                qualifiedNow.qualifiedTier(), after, restored,
                now == null || now.downgradePendingSince() == null ? null : now.qualifiedTier());
    }

    private static Set<String> triggers(StandingDecision now) {
        return now == null || now.churnTriggers().isBlank() ? Set.of()
                : Arrays.stream(now.churnTriggers().split(" ")).collect(Collectors.toSet());
    }
}
