package com.acme.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static com.acme.tiering.support.TestData.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import com.acme.tiering.support.TieringApi;

/**
 * A new order re-evaluates its customer within seconds of the commit, without anyone asking; a burst of
 * orders for one customer coalesces. Runs on H2 and on a real MySQL-protocol server.
 */
@SpringBootTest(properties = { "tiering.events.enabled=true", "tiering.events.delay=PT0.3S" })
@AutoConfigureMockMvc
abstract class EventDrivenEvaluationContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TieringApi api;

    LocalDate today;

    @BeforeEach
    void emptyDatabase() {
        today = api.emptyDatabase();
    }

    @Test
    void anOrderAddedThroughTheApiShowsInTheLookupWithinFiveSeconds() throws Exception {
        api.customer("EVT-1").name("Event Customer").industry(null).region(null).create();
        api.orders("EVT-1", order("o-1", today.minusDays(500), "10000.00"));
        api.orders("EVT-1", order("o-2", today.minusDays(40), "8000.00"));
        String first = awaitLookup("EVT-1", body -> "C".equals(JsonPath.read(body, "$.tier")));

        // revenueLast12m 20,000 and growth 100%: "Key: fast-growing account", an upgrade that applies at once
        long start = System.nanoTime();
        api.orders("EVT-1", order("o-3", today.minusDays(10), "12000.00"));
        String upgraded = awaitLookup("EVT-1", body -> "B".equals(JsonPath.read(body, "$.tier")));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat((String) JsonPath.read(upgraded, "$.evaluatedAt")).isNotEqualTo(JsonPath.read(first, "$.evaluatedAt"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM decision_history WHERE customer_id = 'EVT-1'",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void aBurstOfOrdersEndsInADecisionOnAllOfThemWithAnUnbrokenHistory() throws Exception {
        api.customer("EVT-2").name("Event Customer").industry(null).region(null).create();
        for (int i = 1; i <= 20; i++) {
            api.orders("EVT-2", order("o-" + i, today.minusDays(i), "100.00"));
        }
        awaitLookup("EVT-2", body -> true);
        // Every order comes to be in the facts of the decision in force: the last commit was not missed.
        await("all 20 orders in the decision's facts").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat((Integer) JsonPath.read(TieringApi.body(mvc.perform(
                        get("/api/v1/customers/EVT-2/explanation"))), "$.facts.ordersLast12m")).isEqualTo(20));
        mvc.perform(get("/api/v1/audit/verification")).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.broken").isEmpty());
    }

    /** Looks the customer up until the answer is a decision the predicate accepts: that answer. */
    private String awaitLookup(String customerId, Predicate<String> until) throws Exception {
        return await("lookup of " + customerId).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    var response = api.tier(customerId).andReturn().getResponse();
                    return response.getStatus() == 200 ? response.getContentAsString(StandardCharsets.UTF_8) : null;
                }, body -> body != null && until.test(body));
    }
}
