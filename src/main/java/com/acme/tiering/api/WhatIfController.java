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
        return evaluator.evaluate(withDefaults(facts));
    }

    /** A what-if needs neither a real customer id nor a date: it is about the facts. */
    private CustomerFacts withDefaults(CustomerFacts f) {
        String id = f.customerId() == null ? "what-if" : f.customerId();
        LocalDate asOf = f.asOf() == null ? LocalDate.now(clock) : f.asOf();
        Integer sinceFirst = f.daysSinceFirstOrder() != null || f.firstOrderDate() == null ? f.daysSinceFirstOrder()
                : (int) java.time.temporal.ChronoUnit.DAYS.between(f.firstOrderDate(), asOf);
        return new CustomerFacts(id, f.name(), f.industry(), f.region(), f.employees(), f.accountOwner(), asOf,
                f.firstOrderDate(), sinceFirst, f.tenureMonths(), f.recencyDays(), f.ordersLast12m(),
                f.revenueLast12m(), f.revenuePrev12m(), f.revenueGrowthPct(), f.revenueLast6m(), f.revenuePrev6m(),
                f.avgOrderValue12m(), f.avgInterOrderDays(), f.complaintsLast90d(), f.openTickets(),
                f.lastContactDays(), f.latestNps(), f.referralsLast12m(), f.rScore(), f.fScore(), f.mScore(),
                f.paretoShare(), f.currentTier(), f.currentTierSince(), f.downgradePendingSince());
    }
}
