package com.acme.tiering.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.acme.tiering.Text;
import com.acme.tiering.api.ApiExceptionHandler.FieldProblem;
import com.acme.tiering.facts.AttributeValues;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.ruleset.CompiledRuleset;

/**
 * What a what-if's facts may hold: the values PRODUCT.md §3 gives each fact, so that a typo or an impossible
 * value is a 400 naming the fact rather than a decision about a customer that cannot exist (a negative
 * revenue deciding tier A). Tiers are the ones the tier catalog in force declares, not a list kept here; attributes
 * ({@code attributes}) those its declarations name, each value of its declared type.
 */
final class WhatIfChecks {

    /** The dates a what-if may name: wide enough for any customer's history and plans, and four-digit years. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private static final List<String> COUNTS = List.of("employees", "daysSinceFirstOrder", "tenureMonths",
            "recencyDays", "ordersLast12m", "complaintsLast90d", "openTickets", "lastContactDays", "referralsLast12m");
    private static final List<String> AMOUNTS = List.of("revenueLast12m", "revenuePrev12m", "revenueLast6m",
            "revenuePrev6m", "avgOrderValue12m", "avgInterOrderDays");
    /** Inclusive bounds; revenue cannot fall by more than all of it. */
    private static final Map<String, BigDecimal[]> BOUNDED = Map.of(
            "paretoShare", bounds(0, 1), "latestNps", bounds(0, 10), "rScore", bounds(1, 5),
            "fScore", bounds(1, 5), "mScore", bounds(1, 5), "revenueGrowthPct", bounds(-100, null));
    private static final List<String> DATES = List.of("asOf", "firstOrderDate", "currentTierSince",
            "downgradePendingSince");
    private static final Map<String, Integer> TEXTS = Map.of("name", 200, "industry", 100, "region", 100,
            "accountOwner", 100);

    private WhatIfChecks() {
    }

    /** @param asOf the evaluation date the what-if will use (given, or today) */
    static List<FieldProblem> problems(CustomerFacts facts, LocalDate asOf, CompiledRuleset ruleset) {
        List<FieldProblem> problems = new ArrayList<>();
        COUNTS.forEach(fact -> atLeast(fact, facts.value(fact), BigDecimal.ZERO, problems));
        AMOUNTS.forEach(fact -> atLeast(fact, facts.value(fact), BigDecimal.ZERO, problems));
        BOUNDED.forEach((fact, range) -> within(fact, facts.value(fact), range, problems));
        DATES.forEach(fact -> date(fact, (LocalDate) facts.value(fact), asOf, problems));
        TEXTS.forEach((fact, max) -> text(fact, (String) facts.value(fact), max, problems));
        if (facts.customerId() != null && !facts.customerId().matches(Text.CUSTOMER_ID)) {
            problems.add(new FieldProblem("customerId", Text.CUSTOMER_ID_MESSAGE));
        }
        List<String> tiers = ruleset.tiers().codes();
        if (facts.currentTier() != null && !tiers.contains(facts.currentTier())) {
            problems.add(new FieldProblem("currentTier", "'" + facts.currentTier() + "' is not a tier of the rules in "
                    + "force; they know " + String.join(", ", tiers)));
        }
        List<FieldProblem> sorted = new ArrayList<>(problems.stream()
                .sorted(Comparator.comparingInt(p -> CustomerFacts.NAMES.indexOf(p.field()))).toList());
        ruleset.attributes().check(facts.attributes().asMap()).problems()
                .forEach(p -> sorted.add(new FieldProblem("attributes." + p.attribute(), p.message())));
        return sorted;
    }

    /**
     * The what-if's attribute values as the rules in force declare them (a whole number given as 4 is the integer 4,
     * a date given as text a date): what the evaluation reads. Call once {@link #problems} found none.
     */
    static AttributeValues attributes(CustomerFacts facts, CompiledRuleset ruleset) {
        return AttributeValues.of(ruleset.attributes().check(facts.attributes().asMap()).values());
    }

    private static void atLeast(String fact, Object value, BigDecimal least, List<FieldProblem> problems) {
        BigDecimal number = number(value);
        if (number != null && number.compareTo(least) < 0) {
            problems.add(new FieldProblem(fact, "must not be negative"));
        }
    }

    private static void within(String fact, Object value, BigDecimal[] range, List<FieldProblem> problems) {
        BigDecimal number = number(value);
        if (number == null) {
            return;
        }
        if (number.compareTo(range[0]) < 0 || range[1] != null && number.compareTo(range[1]) > 0) {
            problems.add(new FieldProblem(fact, range[1] == null ? "must be at least " + range[0].toPlainString()
                    : "must be between " + range[0].toPlainString() + " and " + range[1].toPlainString()));
        }
    }

    private static void date(String fact, LocalDate date, LocalDate asOf, List<FieldProblem> problems) {
        if (date == null) {
            return;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            problems.add(new FieldProblem(fact, "must be between " + EARLIEST + " and " + LATEST));
        }
        else if (!fact.equals("asOf") && date.isAfter(asOf)) {
            problems.add(new FieldProblem(fact, "must not be after the evaluation date asOf (" + asOf + ")"));
        }
    }

    private static void text(String fact, String text, int max, List<FieldProblem> problems) {
        if (text != null && (text.length() > max || !text.matches(Text.ONE_LINE))) {
            problems.add(new FieldProblem(fact, text.length() > max ? "must be at most " + max + " characters"
                    : Text.ONE_LINE_MESSAGE));
        }
    }

    private static BigDecimal number(Object value) {
        return value instanceof BigDecimal decimal ? decimal
                : value instanceof Integer whole ? BigDecimal.valueOf(whole.longValue()) : null;
    }

    private static BigDecimal[] bounds(int least, Integer most) {
        return new BigDecimal[] { BigDecimal.valueOf(least), most == null ? null : BigDecimal.valueOf(most) };
    }
}
