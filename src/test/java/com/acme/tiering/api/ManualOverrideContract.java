package com.acme.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static com.acme.tiering.support.TestData.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TieringApi;

/**
 * Manual overrides through the HTTP API: an operations manager pins or floors a tier with a reason and an
 * expiry; lookups and explanations show it beside the rules' own tier, and it ends by itself.
 * Runs on H2 and on a real MySQL-protocol server through the subclasses.
 */
@ServiceTest
abstract class ManualOverrideContract {

    private static final RequestPostProcessor OPS = user("mia").roles("OPS_MANAGER");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    TieringApi api;

    LocalDate today;

    @BeforeEach
    void aStandardCustomer() throws Exception {
        today = api.emptyDatabase();
        api.customer("OVR-1").name("Override Metals").industry(null).region(null).create();
        // 18,000 in the last 12 months, bought before: tier C (Standard) by the shipped rules.
        api.orders("OVR-1", order("o-1", today.minusDays(500), "10000.00"),
                order("o-2", today.minusDays(40), "18000.00"));
        api.evaluate("OVR-1").andExpect(jsonPath("$.tier").value("C"));
        // A larger account, so that after a full run OVR-1 is not the top customer (paretoShare 0, tier B) but
        // has 96.5% of revenue above it: still tier C.
        api.customer("OVR-BIG").name("Bigger Metals").industry(null).region(null).create();
        api.orders("OVR-BIG", order("b-1", today.minusDays(40), "500000.00"));
    }

    @Test
    void aPinShowsInLookupAndExplanationBesideTheRulesOwnTierAndEndsByItselfAtExpiry() throws Exception {
        Instant expiresAt = clock.instant().plus(Duration.ofSeconds(4));
        setOverride("A", "PIN", "Strategic partnership signed; board decision", expiresAt)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tier").value("A")).andExpect(jsonPath("$.rulesTier").value("C"))
                .andExpect(jsonPath("$.servicePlan.code").value("STRATEGIC"));

        mvc.perform(get("/api/v1/customers/OVR-1/tier")).andExpect(status().isOk())
                .andExpect(jsonPath("$.tier").value("A")).andExpect(jsonPath("$.rulesTier").value("C"))
                .andExpect(jsonPath("$.manualOverride.kind").value("PIN"))
                .andExpect(jsonPath("$.manualOverride.setBy").value("mia"))
                .andExpect(jsonPath("$.manualOverride.reason").value("Strategic partnership signed; board decision"));
        mvc.perform(get("/api/v1/customers/OVR-1/explanation")).andExpect(status().isOk())
                .andExpect(jsonPath("$.rulesTier").value("C"))
                .andExpect(jsonPath("$.explanation.summary", startsWith("Tier A (Strategic) by manual override (PIN")))
                .andExpect(jsonPath("$.explanation.summary", containsString("The rules give: Tier C (Standard)")));
        assertThat(historyRows()).isEqualTo(2);

        awaitTier("C", Duration.ofSeconds(15));

        mvc.perform(get("/api/v1/customers/OVR-1/tier")).andExpect(jsonPath("$.manualOverride").isEmpty())
                .andExpect(jsonPath("$.rulesTier").value("C"));
        mvc.perform(get("/api/v1/customers/OVR-1/override")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/OVR-1/overrides")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].endReason").value("EXPIRED"))
                .andExpect(jsonPath("$[0].endedBy").value("system (expiry)"));
        assertThat(historyRows()).isEqualTo(3);
        mvc.perform(get("/api/v1/customers/OVR-1/decisions")).andExpect(jsonPath("$[0].manualOverride").isEmpty())
                .andExpect(jsonPath("$[1].manualOverride.tier").value("A"));
        mvc.perform(get("/api/v1/audit/verification")).andExpect(jsonPath("$.broken").isEmpty());
    }

    @Test
    void aFloorRaisesALowerTierSurvivesAFullRunAndCanBeEndedEarly() throws Exception {
        setOverride("B", "FLOOR", "Key account during the merger", clock.instant().plus(Duration.ofDays(30)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tier").value("B"))
                .andExpect(jsonPath("$.rulesTier").value("C"));

        api.awaitRunEnded(api.startRun());
        mvc.perform(get("/api/v1/customers/OVR-1/tier")).andExpect(jsonPath("$.tier").value("B"))
                .andExpect(jsonPath("$.manualOverride.kind").value("FLOOR"));

        mvc.perform(delete("/api/v1/customers/OVR-1/override").with(OPS)).andExpect(status().isOk())
                .andExpect(jsonPath("$.tier").value("C")).andExpect(jsonPath("$.manualOverride").isEmpty());
        mvc.perform(get("/api/v1/customers/OVR-1/overrides")).andExpect(jsonPath("$[0].endReason").value("REVOKED"))
                .andExpect(jsonPath("$[0].endedBy").value("mia"));
        mvc.perform(delete("/api/v1/customers/OVR-1/override").with(OPS)).andExpect(status().isNotFound());
    }

    @Test
    void aNewOverrideReplacesTheOneInForce() throws Exception {
        setOverride("B", "PIN", "First call", clock.instant().plus(Duration.ofDays(3))).andExpect(status().isOk());
        setOverride("A", "PIN", "Second call", clock.instant().plus(Duration.ofDays(3))).andExpect(status().isOk())
                .andExpect(jsonPath("$.tier").value("A"));

        mvc.perform(get("/api/v1/customers/OVR-1/overrides")).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].reason").value("Second call")).andExpect(jsonPath("$[0].endReason").isEmpty())
                .andExpect(jsonPath("$[1].endReason").value("REPLACED"));
    }

    @Test
    void onlyAnOperationsManagerMaySetOrEndAnOverride() throws Exception {
        String body = body("A", "PIN", "x", clock.instant().plus(Duration.ofDays(1)));
        mvc.perform(put("/api/v1/customers/OVR-1/override").with(anonymous()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/customers/OVR-1/override").with(user("rita").roles("RULE_AUTHOR"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/customers/OVR-1/override").with(anonymous())).andExpect(status().isUnauthorized());
        assertThat(overrideRows()).isZero();
    }

    @Test
    void badOverridesAreRefusedNamingTheFieldAndWriteNothing() throws Exception {
        Instant later = clock.instant().plus(Duration.ofDays(10));
        refused(body("A", "PIN", "x", clock.instant().minusSeconds(60)), "expiresAt");
        refused(body("A", "PIN", "x", clock.instant().plus(Duration.ofDays(400))), "expiresAt");
        refused(body("D", "FLOOR", "x", later), "tier");
        refused(body("Z", "PIN", "x", later), "tier");
        refused(body("A", "FOREVER", "x", later), "kind");
        refused(body("A", "PIN", "  ", later), "reason");
        refused(body("A", "PIN", "x".repeat(1001), later), "reason");
        refused("{\"tier\":\"A\",\"kind\":\"PIN\",\"reason\":\"x\",\"expiresAt\":\"next tuesday\"}", "expiresAt");
        mvc.perform(put("/api/v1/customers/NOBODY/override").with(OPS).contentType(MediaType.APPLICATION_JSON)
                .content(body("A", "PIN", "x", later))).andExpect(status().isNotFound());
        assertThat(overrideRows()).isZero();
        assertThat(historyRows()).isEqualTo(1);
    }

    private void refused(String body, String field) throws Exception {
        mvc.perform(put("/api/v1/customers/OVR-1/override").with(OPS).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString(field)));
    }

    private ResultActions setOverride(String tier, String kind, String reason, Instant expiresAt) throws Exception {
        return mvc.perform(put("/api/v1/customers/OVR-1/override").with(OPS).contentType(MediaType.APPLICATION_JSON)
                .content(body(tier, kind, reason, expiresAt)));
    }

    private static String body(String tier, String kind, String reason, Instant expiresAt) {
        return "{\"tier\":\"" + tier + "\",\"kind\":\"" + kind + "\",\"reason\":\"" + reason + "\",\"expiresAt\":\""
                + expiresAt + "\"}";
    }

    private void awaitTier(String tier, Duration within) {
        await("tier " + tier).atMost(within).pollInterval(Duration.ofMillis(200))
                .until(() -> tier.equals(TieringApi.read(api.tier("OVR-1"), "$.tier")));
    }

    private int historyRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM decision_history WHERE customer_id = 'OVR-1'", Integer.class);
    }

    private int overrideRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM manual_override", Integer.class);
    }
}
