package com.acme.tiering.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.acme.tiering.TieringProperties;
import com.acme.tiering.ruleset.RulesetActivated;

/** The full runs other rooms' events start: after a ruleset version is put in force, and when one is requested. */
@Component
class RunsOnEvents {

    private static final Logger log = LoggerFactory.getLogger(RunsOnEvents.class);

    private final EvaluationRuns runs;
    private final boolean runAfterActivation;

    RunsOnEvents(EvaluationRuns runs, TieringProperties properties) {
        this.runs = runs;
        this.runAfterActivation = properties.rules().runAfterActivation();
    }

    /**
     * Every customer decided with the version put in force ({@code tiering.rules.run-after-activation}). A run
     * already going finishes with the new rules for the chunks it has left, then decides again the customers it
     * decided with the old ones. Heard after the commit that put the version in force, or at once outside one.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void onRulesetActivated(RulesetActivated event) {
        if (!runAfterActivation) {
            return;
        }
        try {
            runs.start("ACTIVATION");
        }
        catch (RunAlreadyInProgress running) {
            log.info("Evaluation run {} is going; its remaining chunks use the new rules, then it decides again the "
                    + "customers it decided with the old ones", running.runningId());
        }
    }

    @EventListener
    void onRunRequested(RunRequested request) {
        runs.start(request.trigger());
    }
}
