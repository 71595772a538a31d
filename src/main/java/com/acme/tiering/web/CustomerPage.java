package com.acme.tiering.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.acme.tiering.customer.Customer;
import com.acme.tiering.customer.CustomerNotFound;
import com.acme.tiering.customer.Customers;
import com.acme.tiering.decision.ChurnAlert;
import com.acme.tiering.decision.ChurnAlerts;
import com.acme.tiering.decision.Decision;
import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.evaluation.TierOverride;
import com.acme.tiering.override.ManualOverride;
import com.acme.tiering.override.ManualOverrides;
import com.acme.tiering.override.NoOverride;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.AttributeDeclarations;
import com.acme.tiering.ruleset.TierCatalog;

/**
 * What the customer page shows, gathered from the services the API reads: the current decision and its
 * explanation, the history, the alerts waiting for someone and the manual overrides. Used for the page itself
 * and to show it again beside a refused override.
 */
@Component
class CustomerPage {

    /** More open alerts than this for one customer are left to the alerts page. */
    static final int ALERTS_SHOWN = 50;

    private final Customers customers;
    private final DecisionQueries decisions;
    private final ManualOverrides overrides;
    private final ChurnAlerts alerts;
    private final Clock clock;
    private final ActiveRuleset active;

    CustomerPage(Customers customers, DecisionQueries decisions, ManualOverrides overrides, ChurnAlerts alerts,
            Clock clock, ActiveRuleset active) {
        this.active = active;
        this.customers = customers;
        this.decisions = decisions;
        this.overrides = overrides;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * @param decision null until the customer is evaluated for the first time
     * @param overrideInForce null when no override is in force
     * @param pastOverrides the overrides that ended, newest first
     */
    public record View(Customer customer, Decision decision, List<DecisionTimeline.Entry> history,
            List<ChurnAlert> openAlerts, TierOverride overrideInForce, List<ManualOverride> pastOverrides,
            TierCatalog tiers, List<AttributeLine> attributes) {

        /** A manual override made the tier in force differ from the rules' tier. */
        public boolean overridden() {
            return decision != null && decision.rulesTier() != null && !decision.rulesTier().equals(decision.tier());
        }

        /** "Why not higher" is the rules' view: nothing is higher than the top tier, whatever an override says. */
        public boolean rulesGiveTopTier() {
            return decision != null && tiers.rank(decision.rulesTier() != null ? decision.rulesTier()
                    : decision.tier()) == 1;
        }
    }

    /**
     * One attribute of the customer as the page shows it: each the rules in force declare (its value null when the
     * customer has none), then each it still carries from a declaration since removed (no rule reads those).
     *
     * @param declaration the declaration in words ({@code code: DECISION_MAKER, INFLUENCER, USER}); null when removed
     */
    public record AttributeLine(String name, Object value, String declaration, String description) {

        public boolean declared() {
            return declaration != null;
        }

        static List<AttributeLine> of(Customer customer, AttributeDeclarations declared) {
            List<AttributeLine> lines = new java.util.ArrayList<>();
            declared.all().forEach(a -> lines.add(new AttributeLine(a.name(), customer.attributes().value(a.name()),
                    a.describe() + (a.required() ? ", required" : ""), a.description())));
            customer.attributes().asMap().forEach((name, value) -> {
                if (!declared.declares(name)) {
                    lines.add(new AttributeLine(name, value, null, null));
                }
            });
            return lines;
        }
    }

    /** Dates, times and fact values as the page writes them, in the service's time zone. */
    public record Formats(ZoneId zone, TierCatalog tiers) {

        private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        public String at(Instant instant) {
            return instant == null ? "" : AT.format(instant.atZone(zone)) + " " + zone.getId();
        }

        public String zoneName() {
            return zone.getId();
        }

        /** The name the catalog in force gives the tier; a decision's own tierName is the name it was made with. */
        public String tierName(String tier) {
            return tiers.name(tier);
        }

        /** A fact's value: numbers with thousands separators, null as "none". */
        public String value(Object value) {
            if (value == null) {
                return "none";
            }
            if (value instanceof BigDecimal decimal) {
                return String.format(java.util.Locale.ROOT, "%,." + Math.max(0, Math.min(decimal.scale(), 4)) + "f",
                        decimal);
            }
            if (value instanceof Long || value instanceof Integer) {
                return String.format(java.util.Locale.ROOT, "%,d", value);
            }
            return String.valueOf(value);
        }

        /** An entitlement's value as the plan table wrote it: yes or no for a yes/no column, numbers as facts. */
        public String entitlement(Object value) {
            return value instanceof Boolean yes ? (yes ? "yes" : "no") : value(value);
        }

        /** A ruleset version (a content hash) short enough to read; the full one goes in a tooltip. */
        public String version(String hash) {
            return hash == null || hash.length() <= 12 ? hash : hash.substring(0, 12);
        }
    }

    /**
     * Puts the page for the customer into the model, with the override form as given and its errors.
     *
     * @throws CustomerNotFound when there is no such customer
     */
    void fill(Model model, String customerId, OverrideForm form, Map<String, String> formErrors) {
        Customer customer = customers.find(customerId).orElseThrow(() -> CustomerNotFound.forId(customerId));
        TierOverride inForce = overrideInForce(customerId).orElse(null);
        List<ManualOverride> past = overrides.history(customerId).stream()
                .filter(o -> inForce == null || o.id() != inForce.id()).toList();
        View view = new View(customer, decisions.current(customerId).orElse(null),
                DecisionTimeline.of(decisions.historyOrThrow(customerId)), alerts.waitingFor(customerId, ALERTS_SHOWN),
                inForce, past, tiers(), AttributeLine.of(customer, active.current().attributes()));
        model.addAttribute("section", "customers");
        model.addAttribute("view", view);
        model.addAttribute("formats", new Formats(clock.getZone(), tiers()));
        model.addAttribute("form", form);
        model.addAttribute("formErrors", formErrors);
        model.addAttribute("today", LocalDate.now(clock));
    }

    /** The tiers of the version in force: what an override may name. */
    TierCatalog tiers() {
        return active.current().tiers();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    ZoneId zone() {
        return clock.getZone();
    }

    /** The override in force, as the API answers it; "none" is the service's NoOverride. */
    private Optional<TierOverride> overrideInForce(String customerId) {
        try {
            return Optional.of(overrides.inForce(customerId));
        }
        catch (NoOverride none) {
            return Optional.empty();
        }
    }
}
