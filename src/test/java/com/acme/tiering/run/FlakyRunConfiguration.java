package com.acme.tiering.run;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.acme.tiering.decision.DecisionRecorder;
import com.acme.tiering.decision.ShadowDifferences;
import com.acme.tiering.evaluation.Evaluator;
import com.acme.tiering.facts.CustomerFactsService;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.ShadowRuleset;

/** Replaces the chunk work of runs with one that loses the database once, for the restart tests. */
@TestConfiguration
class FlakyRunConfiguration {

    @Bean
    @Primary
    RunRestartContract.FlakyRunExecution flakyRunExecution(RunStore runs, CustomerFactsService facts,
            Evaluator evaluator, DecisionPath path, DecisionRecorder recorder, ActiveRuleset active, Clock clock,
            ShadowRuleset shadow, ShadowDifferences differences, RunMetrics metrics) {
        return new RunRestartContract.FlakyRunExecution(runs, facts, evaluator, path, recorder, active, clock, shadow,
                differences, metrics);
    }
}
