package com.acme.tiering.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.acme.tiering.decision.CustomerListing;
import com.acme.tiering.decision.Decision;
import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.decision.DecisionSummary;
import com.acme.tiering.evaluation.Explanation;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.facts.CustomerFactsService;
import com.acme.tiering.facts.PopulationStatistics;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.run.CustomerEvaluation;

/** Decisions for auditors and tools: explanations, history in time, summaries, evaluate now. */
@RestController
@RequestMapping("/api/v1")
class DecisionController {

    private final DecisionQueries decisions;
    private final CustomerEvaluation evaluation;
    private final CustomerFactsService facts;
    private final ActiveRuleset active;

    DecisionController(DecisionQueries decisions, CustomerEvaluation evaluation, CustomerFactsService facts,
            ActiveRuleset active) {
        this.active = active;
        this.decisions = decisions;
        this.evaluation = evaluation;
        this.facts = facts;
    }

    /** The explanation with what it was made from: the facts, the ruleset version, the date, the population. */
    record ExplanationView(String customerId, String tier, String tierName, String rulesTier,
            com.acme.tiering.evaluation.TierOverride manualOverride, String rulesetVersion, LocalDate asOf,
            Instant evaluatedAt, Long runId, Explanation explanation, CustomerFacts facts,
            PopulationInForce population) {
    }

    /**
     * The population statistics the RFM scores and Pareto share were computed against.
     *
     * @param recencyCutoffs for RFM scores 2..5, the largest recencyDays that still earns the score
     */
    record PopulationInForce(long runId, LocalDate asOf, int buyers, int customers, java.math.BigDecimal totalRevenue,
            java.util.List<Integer> recencyCutoffs, java.util.List<Integer> frequencyCutoffs,
            java.util.List<java.math.BigDecimal> monetaryCutoffs) {

        static PopulationInForce of(PopulationStatistics s) {
            return new PopulationInForce(s.runId(), s.asOf(), s.population(), s.customers(), s.totalRevenue(),
                    s.recencyCutoffs(), s.frequencyCutoffs(), s.monetaryCutoffs());
        }
    }

    private ExplanationView view(Decision d) {
        return new ExplanationView(d.customerId(), d.tier(), d.tierName(),
                d.rulesTier() == null ? d.tier() : d.rulesTier(), d.manualOverride(), d.rulesetVersion(), d.asOf(),
                d.evaluatedAt(), d.runId(), d.explanation(), d.facts(),
                facts.statisticsFor(d.runId(), d.evaluatedAt()).map(PopulationInForce::of).orElse(null));
    }

    @GetMapping("/customers/{customerId}/explanation")
    ExplanationView explanation(@PathVariable @Pattern(regexp = TierLookupController.CUSTOMER_ID,
            message = TierLookupController.CUSTOMER_ID_MESSAGE) String customerId) {
        return view(decisions.currentOrThrow(customerId));
    }

    /** The history, newest first; with {@code asOf} only the decision in force on that date. */
    @GetMapping("/customers/{customerId}/decisions")
    List<Decision> decisions(@PathVariable @Pattern(regexp = TierLookupController.CUSTOMER_ID,
            message = TierLookupController.CUSTOMER_ID_MESSAGE) String customerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        if (asOf != null) {
            return List.of(decisions.inForceOnOrThrow(customerId, asOf));
        }
        List<Decision> newestFirst = new java.util.ArrayList<>(decisions.historyOrThrow(customerId));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    @PostMapping("/customers/{customerId}/evaluation")
    Decision evaluateNow(@PathVariable @Pattern(regexp = TierLookupController.CUSTOMER_ID,
            message = TierLookupController.CUSTOMER_ID_MESSAGE) String customerId) {
        return evaluation.evaluateOnRequest(customerId);
    }

    @GetMapping("/decisions/summary")
    DecisionSummary summary() {
        return decisions.summary();
    }

    /**
     * Customers by id or name; with {@code attribute} only those with a value of that attribute, with {@code value}
     * too only those with that value (written as a rule cell writes it: {@code FRAMEWORK}, {@code yes}, {@code 4}).
     */
    @GetMapping("/customers")
    CustomerListing customers(@RequestParam(required = false) @Size(max = 200) String query,
            @RequestParam(required = false) @Size(max = 40) String attribute,
            @RequestParam(required = false) @Size(max = 200) String value,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size) {
        return decisions.customers(query, null, attributeFilter(attribute, value), page, size);
    }

    private CustomerListing.AttributeFilter attributeFilter(String attribute, String value) {
        if (attribute == null || attribute.isBlank()) {
            if (value != null && !value.isBlank()) {
                throw new ParameterInvalid("value", "needs the attribute it is a value of (attribute=...)");
            }
            return null;
        }
        if (value == null || value.isBlank()) {
            return new CustomerListing.AttributeFilter(attribute.strip(), null);
        }
        try {
            return new CustomerListing.AttributeFilter(attribute.strip(),
                    active.current().attributes().storedText(attribute.strip(), value));
        }
        catch (IllegalArgumentException wrong) {
            throw new ParameterInvalid("value", wrong.getMessage());
        }
    }
}
