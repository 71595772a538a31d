package com.acme.tiering.api;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.acme.tiering.evaluation.Evaluation;
import com.acme.tiering.evaluation.Evaluator;
import com.acme.tiering.facts.CustomerFacts;

/** Evaluates facts given in the request with the active ruleset and records nothing. */
@RestController
@RequestMapping("/api/v1/evaluations")
class WhatIfController {

    private final Evaluator evaluator;
    private final Clock clock;

    WhatIfController(Evaluator evaluator, Clock clock) {
        this.evaluator = evaluator;
        this.clock = clock;
    }

    @PostMapping("/what-if")
    Evaluation whatIf(@RequestBody @NotNull CustomerFacts facts) {
        // A what-if needs neither a real customer id nor a date: it is about the facts.
        return evaluator.evaluate(facts.completed("what-if", LocalDate.now(clock)));
    }
}
