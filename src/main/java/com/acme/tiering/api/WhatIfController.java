package com.acme.tiering.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.acme.tiering.api.ApiExceptionHandler.FieldProblem;
import com.acme.tiering.evaluation.Evaluation;
import com.acme.tiering.evaluation.Evaluator;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRuleset;

/** Evaluates facts given in the request with the active ruleset and records nothing. */
@RestController
@RequestMapping("/api/v1/evaluations")
class WhatIfController {

    private final Evaluator evaluator;
    private final ActiveRuleset active;
    private final Clock clock;

    WhatIfController(Evaluator evaluator, ActiveRuleset active, Clock clock) {
        this.evaluator = evaluator;
        this.active = active;
        this.clock = clock;
    }

    @PostMapping("/what-if")
    Evaluation whatIf(@RequestBody @NotNull CustomerFacts facts) {
        // A what-if needs neither a real customer id nor a date: it is about the facts.
        CustomerFacts completed = facts.completed("what-if", LocalDate.now(clock));
        // One version for the check and the evaluation: the tiers checked are the tiers evaluated.
        CompiledRuleset ruleset = active.current();
        List<FieldProblem> problems = WhatIfChecks.problems(facts, completed.asOf(), ruleset);
        if (!problems.isEmpty()) {
            throw new FieldsInvalid(problems);
        }
        return evaluator.evaluate(completed.withAttributes(WhatIfChecks.attributes(facts, ruleset)), ruleset);
    }
}
