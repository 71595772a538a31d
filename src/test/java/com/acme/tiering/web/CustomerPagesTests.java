package com.acme.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.acme.tiering.customer.CustomerDetails;
import com.acme.tiering.customer.Customers;
import com.acme.tiering.customer.NewOrder;
import com.acme.tiering.decision.CustomerListing;
import com.acme.tiering.decision.Decision;
import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.run.CustomerEvaluation;
import com.acme.tiering.support.ServiceTest;

/**
 * The customer pages without a browser: search and paging parameters, the customer page for each role, and the
 * changes an operations manager makes there (evaluate now, set and end an override), refused in words when the
 * input is wrong or the role may not. Each test makes its own customers, named so that no other test's match.
 */
@ServiceTest
class CustomerPagesTests {

    private static final RequestPostProcessor OPS = user("mia").roles("OPS_MANAGER");
    private static final RequestPostProcessor AUDITOR = user("audrey").roles("AUDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Customers customers;

    @Autowired
    CustomerEvaluation evaluation;

    @Autowired
    DecisionQueries decisions;

    @Autowired
    Clock clock;

    @Autowired
    com.acme.tiering.ruleset.ActiveRuleset active;

    /** A word in every name this test makes, and the prefix of every id. */
    String word;

    LocalDate today;

    @BeforeEach
    void uniqueNames() {
        word = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        today = LocalDate.now(clock);
    }

    /** A customer that bought recently (tier C or better), evaluated. */
    private String buyer(String suffix) {
        String id = word + "-" + suffix;
        customers.upsert(id, new CustomerDetails("Buyer " + word + " " + suffix, "Retail", "North", 40, "Alex Rep"));
        customers.recordOrders(id, List.of(new NewOrder("o-1", today.minusDays(500), new BigDecimal("9000.00")),
                new NewOrder("o-2", today.minusDays(40), new BigDecimal("12000.00"))));
        evaluation.evaluateNow(id);
        return id;
    }

    /** A customer that never bought (tier D), evaluated. */
    private String prospect(String suffix) {
        String id = word + "-" + suffix;
        customers.upsert(id, new CustomerDetails("Prospect " + word + " " + suffix, "Retail", "South", null, null));
        evaluation.evaluateNow(id);
        return id;
    }

    private String notEvaluated(String suffix) {
        String id = word + "-" + suffix;
        customers.upsert(id, new CustomerDetails("Newcomer " + word + " " + suffix, "Retail", "East", null, null));
        return id;
    }

    private long overrides(String customerId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM manual_override WHERE customer_id = ?", Long.class, customerId);
    }

    private long audited(String action, String customerId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = ? AND target_id = ?", Long.class,
                action, customerId);
    }

    private MockHttpServletRequestBuilder override(String customerId, String tier, String kind, String reason,
            String expiresOn) {
        return post("/customers/{id}/override", customerId).with(csrf()).param("tier", tier).param("kind", kind)
                .param("reason", reason).param("expiresOn", expiresOn);
    }

    // search and paging

    @Test
    void searchFindsCustomersByPartOfTheirNameAndLinksEachToItsPage() throws Exception {
        String buyer = buyer("1");
        String prospect = prospect("2");
        Decision decided = decisions.currentOrThrow(buyer);
        mvc.perform(get("/customers").param("q", word.substring(1).toUpperCase()).with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Customers · Customer Tiering</title>"),
                        containsString("href=\"/customers/" + buyer + "\""),
                        containsString("href=\"/customers/" + prospect + "\""),
                        containsString("class=\"tier\" data-tier-colour=\"" + active.current().tiers()
                                .colour(decided.tier()) + "\" title=\"" + decided.tierName() + "\">" + decided.tier()),
                        containsString("Buyer " + word + " 1"), containsString("Alex Rep"),
                        containsString("1–2 of 2 customers"), containsString("Page 1 of 1"),
                        containsString("<label for=\"q\">"))));
    }

    /**
     * A decision keeps the tier name it was made with (a tier renamed since keeps its old name until the customer is
     * decided again): the list shows that name, with the colour the catalog in force gives the code.
     */
    @Test
    void theListShowsTheTierNameEachDecisionWasMadeWithInTheColourOfTheCatalogInForce() throws Exception {
        String prospect = prospect("1");
        assertThat(decisions.currentOrThrow(prospect).tier()).isEqualTo("D");
        jdbc.update("UPDATE current_decision SET tier_name = ? WHERE customer_id = ?", "Basis (2025)", prospect);

        mvc.perform(get("/customers").param("q", word).with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("data-tier-colour=\"" + active.current().tiers().colour("D")
                                + "\" title=\"Basis (2025)\">D</span>"),
                        containsString("<span class=\"tier-name\">Basis (2025)</span>"),
                        not(containsString("<span class=\"tier-name\">" + active.current().tiers().name("D"))))));
        assertThat(decisions.customers(word, 0, 10).customers()).extracting(CustomerListing.Row::tierName)
                .containsExactly("Basis (2025)");
    }

    @Test
    void aSearchThatMatchesNothingSaysSo() throws Exception {
        mvc.perform(get("/customers").param("q", word + "-nothing"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No customer")))
                .andExpect(content().string(containsString("matches '<span>" + word + "-nothing</span>'")));
    }

    @Test
    void theTierFilterListsOnlyCustomersOfThatTier() throws Exception {
        String buyer = buyer("1");
        String prospect = prospect("2");
        String buyerTier = decisions.currentOrThrow(buyer).tier();
        assertThat(decisions.currentOrThrow(prospect).tier()).isEqualTo("D").isNotEqualTo(buyerTier);

        CustomerListing onlyD = decisions.customers(word, "D", 0, 10);
        assertThat(onlyD.customers()).extracting(CustomerListing.Row::customerId).containsExactly(prospect);
        assertThat(onlyD.totalElements()).isEqualTo(1);
        CustomerListing allD = decisions.customers(null, "D", 0, 5);
        assertThat(allD.customers()).allSatisfy(row -> assertThat(row.tier()).isEqualTo("D"));
        assertThat(allD.totalElements()).isEqualTo(
                jdbc.queryForObject("SELECT COUNT(*) FROM current_decision WHERE tier = 'D'", Long.class));

        mvc.perform(get("/customers").param("q", word).param("tier", buyerTier))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/customers/" + buyer + "\"")))
                .andExpect(content().string(not(containsString("href=\"/customers/" + prospect + "\""))));
    }

    @Test
    void resultsComeAPageAtATimeWithPreviousAndNext() throws Exception {
        String first = prospect("1");
        String second = prospect("2");
        String third = prospect("3");
        mvc.perform(get("/customers").param("q", word).param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Page 1 of 2"), containsString("1–2 of"),
                        containsString("/customers/" + first + "\""), containsString("/customers/" + second + "\""),
                        not(containsString("/customers/" + third + "\"")),
                        containsString("href=\"/customers?q=" + word + "&amp;page=2&amp;size=2\""),
                        not(containsString("rel=\"prev\"")))));
        mvc.perform(get("/customers").param("q", word).param("size", "2").param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Page 2 of 2"), containsString("3–3 of"),
                        containsString("/customers/" + third + "\""), not(containsString("/customers/" + first + "\"")),
                        containsString("href=\"/customers?q=" + word + "&amp;size=2\""),
                        not(containsString("rel=\"next\"")))));
    }

    @Test
    void searchAndPagingParametersOutOfRangeAre400InWords() throws Exception {
        prospect("1");
        expect400(get("/customers").param("size", "0"), "size: must be 1 or more");
        expect400(get("/customers").param("size", "101"), "size: must be at most 100");
        expect400(get("/customers").param("page", "0"), "page: must be 1 or more");
        expect400(get("/customers").param("page", "1000001"), "page: must be at most 1,000,000");
        expect400(get("/customers").param("page", "two"), "&#39;two&#39; is not a valid page");
        expect400(get("/customers").param("size", "99999999999"), "is not a valid size");
        expect400(get("/customers").param("tier", "E"), "tier: must be one of A (Strategic), B (Key), C (Standard), D (Basic).");
        expect400(get("/customers").param("tier", "a-"), "tier: must be a tier code such as A");
        expect400(get("/customers").param("q", "x".repeat(201)), "q: must be at most 200 characters");
        expect400(get("/customers").param("q", word).param("page", "3"),
                "page: there is no page 3 of these results; they fit on 1 page.");
        expect400(get("/customers").param("q", word + "-nothing").param("page", "2"), "nothing matches");
    }

    private void expect400(MockHttpServletRequestBuilder request, String words) throws Exception {
        mvc.perform(request).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(words)))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    // the customer page

    @Test
    void theCustomerPageExplainsTheDecisionAndShowsItsHistory() throws Exception {
        String id = buyer("1");
        Decision decision = decisions.currentOrThrow(id);
        var fired = decision.explanation().firedRules().get(0);
        mvc.perform(get("/customers/{id}", id).with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<title>Buyer " + word + " 1 · Customer Tiering</title>"),
                        containsString("<h1>Buyer " + word + " 1</h1>"),
                        containsString(html(decision.explanation().summary())),
                        containsString(html(fired.source())), containsString(html(fired.rule())),
                        containsString(decision.servicePlan().code()), containsString(decision.lifecycleStage()),
                        containsString("First decision"), containsString(decision.rulesetVersion().substring(0, 12)),
                        containsString("No manual override is in force"))));
        if (!decision.explanation().whyNotHigher().isEmpty()) {
            String unmet = decision.explanation().whyNotHigher().get(0).unmet().get(0).text();
            mvc.perform(get("/customers/{id}", id)).andExpect(content().string(containsString(html(unmet))));
        }
    }

    @Test
    void showingTheCustomerPageKeepsNoDatabaseConnection() throws Exception {
        String id = prospect("1");
        for (int i = 0; i < 15; i++) { // more than the pool holds (spring.datasource.hikari.maximum-pool-size 10)
            mvc.perform(get("/customers/{id}", id)).andExpect(status().isOk());
        }
    }

    private static String html(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
    }

    @Test
    void anAuditorSeesNoButtonsToChangeAnything() throws Exception {
        String id = buyer("1");
        mvc.perform(get("/customers/{id}", id).with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("id=\"override-form\"")),
                        not(containsString("Evaluate now")), not(containsString("End override now")))));
        mvc.perform(get("/customers/{id}", id).with(OPS))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"override-form\""),
                        containsString("Evaluate now"), containsString("<label for=\"override-reason\">Reason</label>"))));
    }

    @Test
    void aCustomerWithoutADecisionSaysSoAndCanBeEvaluatedNow() throws Exception {
        String id = notEvaluated("1");
        mvc.perform(get("/customers/{id}", id).with(OPS))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("This customer has not been evaluated yet"),
                        containsString("action=\"/customers/" + id + "/evaluation\""))));
        mvc.perform(post("/customers/{id}/evaluation", id).with(OPS).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/customers/" + id))
                .andExpect(flash().attribute("notice", containsString("Evaluated " + id + " now: Tier in force: D")));
        assertThat(decisions.current(id)).isPresent();
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_log WHERE action = 'CUSTOMER_EVALUATED' AND "
                + "target_id = ?", String.class, id)).isEqualTo("mia");
    }

    @Test
    void anUnknownCustomerIs404InWords() throws Exception {
        String id = word + "-nobody";
        mvc.perform(get("/customers/{id}", id)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No customer with id &#39;" + id + "&#39;")));
        mvc.perform(post("/customers/{id}/evaluation", id).with(OPS).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(override(id, "A", "PIN", "Board decision", today.plusDays(5).toString()).with(OPS))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No customer with id &#39;" + id + "&#39;")));
        assertThat(overrides(id)).isZero();
    }

    @Test
    void anIdThatIsNoCustomerIdIs400InWords() throws Exception {
        for (String bad : List.of("has space", "x".repeat(65), "star*", "émile")) {
            mvc.perform(get("/customers/{id}", bad)).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("customerId: must be 1-64 letters, digits or -_.:")));
        }
        mvc.perform(post("/customers/{id}/evaluation", "has space").with(OPS).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(override("has space", "A", "PIN", "Board decision", today.plusDays(5).toString()).with(OPS))
                .andExpect(status().isBadRequest());
    }

    // manual overrides

    @Test
    void anOperationsManagerSetsAndEndsAPinAsThroughTheApi() throws Exception {
        String id = prospect("1");
        mvc.perform(override(id, "B", "PIN", "Key partner from next quarter", today.plusDays(10).toString()).with(OPS))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/customers/" + id))
                .andExpect(flash().attribute("notice", containsString("Tier in force: B (Key); the rules give D")));
        Decision pinned = decisions.currentOrThrow(id);
        assertThat(pinned.tier()).isEqualTo("B");
        assertThat(pinned.rulesTier()).isEqualTo("D");
        assertThat(pinned.manualOverride().setBy()).isEqualTo("mia");
        assertThat(pinned.manualOverride().expiresAt())
                .isEqualTo(today.plusDays(10).atTime(23, 59, 59).atZone(clock.getZone()).toInstant());
        assertThat(audited("OVERRIDE_SET", id)).isOne();
        mvc.perform(get("/customers/{id}", id).with(OPS))
                .andExpect(content().string(allOf(containsString("id=\"override-in-force\""),
                        containsString("Key partner from next quarter"), containsString("id=\"rules-tier\""),
                        containsString("Manual override set: PIN at B by mia"), containsString("End override now"))));

        mvc.perform(post("/customers/{id}/override/end", id).with(OPS).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "Manual override ended. Tier in force: D (Basic)."));
        assertThat(decisions.currentOrThrow(id).tier()).isEqualTo("D");
        assertThat(audited("OVERRIDE_ENDED", id)).isOne();
        mvc.perform(get("/customers/{id}", id))
                .andExpect(content().string(allOf(containsString("No manual override is in force"),
                        containsString("ended early by mia"), containsString("Manual override ended"))));
        mvc.perform(post("/customers/{id}/override/end", id).with(OPS).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("has no manual override in force")));
    }

    @Test
    void badOverrideInputIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        String id = buyer("1");
        String tier = decisions.currentOrThrow(id).tier();
        String future = today.plusDays(30).toString();
        refused(override(id, "A", "PIN", "   ", future), "Reason: must say why the tier is set by hand");
        refused(override(id, "E", "PIN", "Board decision", future), "Tier: must be one of A (Strategic), B (Key), C (Standard), D (Basic)");
        refused(override(id, "A", "NUDGE", "Board decision", future), "Kind: must be PIN (exactly this tier)");
        refused(override(id, "A", "PIN", "Board decision", today.minusDays(1).toString()),
                "Expires on: must be today or later (today is " + today + ")");
        refused(override(id, "A", "PIN", "Board decision", "31/12/2026"), "Expires on: must be a date such as");
        refused(override(id, "A", "PIN", "Board decision", ""), "Expires on: is missing");
        refused(override(id, "A", "PIN", "x".repeat(1001), future), "Reason: must be at most 1,000 characters");
        refused(override(id, "A", "PIN", "bell\u0007", future), "Reason: must be text without control characters");
        // refused by the service itself, as through the API
        refused(override(id, "D", "FLOOR", "Board decision", future), "Tier: a FLOOR at D, the lowest tier");
        refused(override(id, "A", "PIN", "Board decision", today.plusYears(3).toString()),
                "Expires on: may be at most");

        assertThat(overrides(id)).isZero();
        assertThat(audited("OVERRIDE_SET", id)).isZero();
        assertThat(decisions.currentOrThrow(id).tier()).isEqualTo(tier);
        // what was typed is shown again
        mvc.perform(override(id, "A", "FLOOR", "Kept reason", "").with(OPS))
                .andExpect(content().string(allOf(containsString(">Kept reason</textarea>"),
                        containsString("id=\"override-kind-floor\" checked=\"checked\""))));
    }

    private void refused(MockHttpServletRequestBuilder request, String words) throws Exception {
        mvc.perform(request.with(OPS)).andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString(html(words)), containsString("class=\"field-error\""),
                        containsString("Nothing was changed."), containsString("id=\"override-form\""))));
    }

    @Test
    void anAuditorIsRefusedEveryChangeAndNothingIsWritten() throws Exception {
        String id = buyer("1");
        Decision before = decisions.currentOrThrow(id);
        mvc.perform(override(id, "A", "PIN", "Board decision", today.plusDays(5).toString()).with(AUDITOR))
                .andExpect(status().isForbidden());
        mvc.perform(post("/customers/{id}/override/end", id).with(AUDITOR).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/customers/{id}/evaluation", id).with(AUDITOR).with(csrf())).andExpect(status().isForbidden());
        assertThat(overrides(id)).isZero();
        assertThat(decisions.currentOrThrow(id).evaluatedAt()).isEqualTo(before.evaluatedAt());
        assertThat(audited("CUSTOMER_EVALUATED", id)).isZero();
    }
}
