package com.acme.tiering.run;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.acme.tiering.override.OverrideEnded;
import com.acme.tiering.override.OverrideSet;

/**
 * Decides a customer again when a manual override is set or ends. Synchronous on purpose: in the transaction that
 * changed the override, so the decision and the override commit together and the lookup shows the change at once.
 */
@Component
class OverrideChanges {

    private final CustomerEvaluation evaluation;

    OverrideChanges(CustomerEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @EventListener
    void onSet(OverrideSet set) {
        evaluation.evaluateNow(set.customerId());
    }

    @EventListener
    void onEnded(OverrideEnded ended) {
        evaluation.evaluateNow(ended.customerId());
    }
}
