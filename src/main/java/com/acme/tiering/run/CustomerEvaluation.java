package com.acme.tiering.run;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.acme.tiering.decision.Decision;
import com.acme.tiering.decision.DecisionRecorder;
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

    CustomerEvaluation(CustomerFactsService facts, Evaluator evaluator, DecisionRecorder recorder, Clock clock,
            ManualOverrideStore overrides) {
        this.overrides = overrides;
        this.facts = facts;
        this.evaluator = evaluator;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** @throws CustomerUnknown when there is no such customer */
    @Transactional
    public Decision evaluateNow(String customerId) {
        CustomerFacts customerFacts = facts.factsFor(customerId, LocalDate.now(clock))
                .orElseThrow(() -> CustomerUnknown.withId(customerId));
        Instant now = clock.instant();
        TierOverride override = overrides.inForce(customerId, now).orElse(null);
        return recorder.record(List.of(evaluator.evaluate(customerFacts, override)), null, now).recorded().get(0);
    }
}
