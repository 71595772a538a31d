package com.acme.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import com.acme.tiering.support.DatabaseCleaner;

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
    Clock clock;

    LocalDate today;

    @BeforeEach
    void emptyDatabase() {
        DatabaseCleaner.clean(jdbc);
        today = LocalDate.now(clock);
    }

    @Test
    void anOrderAddedThroughTheApiShowsInTheLookupWithinFiveSeconds() throws Exception {
        customer("EVT-1");
        order("EVT-1", "o-1", today.minusDays(500), "10000.00");
        order("EVT-1", "o-2", today.minusDays(40), "8000.00");
        String first = awaitLookup("EVT-1", body -> "C".equals(JsonPath.read(body, "$.tier")));

        // revenueLast12m 20,000 and growth 100%: "Key: fast-growing account", an upgrade that applies at once
        long start = System.nanoTime();
        order("EVT-1", "o-3", today.minusDays(10), "12000.00");
        String upgraded = awaitLookup("EVT-1", body -> "B".equals(JsonPath.read(body, "$.tier")));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat((String) JsonPath.read(upgraded, "$.evaluatedAt")).isNotEqualTo(JsonPath.read(first, "$.evaluatedAt"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM decision_history WHERE customer_id = 'EVT-1'",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void aBurstOfOrdersEndsInADecisionOnAllOfThemWithAnUnbrokenHistory() throws Exception {
        customer("EVT-2");
        for (int i = 1; i <= 20; i++) {
            order("EVT-2", "o-" + i, today.minusDays(i), "100.00");
        }
        awaitLookup("EVT-2", body -> true);
        Thread.sleep(1000);
        String facts = mvc.perform(get("/api/v1/customers/EVT-2/explanation")).andReturn().getResponse()
                .getContentAsString();
        // Every order is in the facts of the decision in force: the last commit was not missed.
        assertThat((Integer) JsonPath.read(facts, "$.facts.ordersLast12m")).isEqualTo(20);
        mvc.perform(get("/api/v1/audit/verification")).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.broken").isEmpty());
    }

    private String awaitLookup(String customerId, Predicate<String> until) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var response = mvc.perform(get("/api/v1/customers/" + customerId + "/tier")).andReturn().getResponse();
            if (response.getStatus() == 200 && until.test(response.getContentAsString())) {
                return response.getContentAsString();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("lookup of " + customerId + " did not change within 10 s");
    }

    private void customer(String id) throws Exception {
        mvc.perform(put("/api/v1/customers/" + id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Event Customer\",\"accountOwner\":\"Alex Rep\"}"))
                .andExpect(status().is2xxSuccessful());
    }

    private void order(String customerId, String id, LocalDate date, String amount) throws Exception {
        mvc.perform(post("/api/v1/customers/" + customerId + "/orders").contentType(MediaType.APPLICATION_JSON)
                .content("{\"orders\":[{\"orderId\":\"" + id + "\",\"orderDate\":\"" + date + "\",\"amount\":"
                        + amount + "}]}"))
                .andExpect(status().is2xxSuccessful());
    }
}
