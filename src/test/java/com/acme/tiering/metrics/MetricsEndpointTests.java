package com.acme.tiering.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static com.acme.tiering.support.TestData.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.RuleInfo;
import com.acme.tiering.security.ApiKeys;
import com.acme.tiering.support.TieringApi;

/**
 * What a Prometheus server scrapes from /actuator/prometheus after lookups, evaluations, a run and a churn
 * alert, and who may scrape it. The class has a context of its own (its properties), so the rule counters
 * start at 0 with it; the other tests compare scrapes before and after what they do.
 */
@SpringBootTest(properties = { "tiering.metrics.tier-counts-refresh=PT0S",
        "tiering.security.users[0].name=prometheus", "tiering.security.users[0].password={noop}scrape-secret-42",
        "tiering.security.users[0].roles[0]=METRICS" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsEndpointTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ActiveRuleset active;

    @Autowired
    ApiKeys keys;

    @Autowired
    TieringApi api;

    LocalDate today;

    @BeforeEach
    void emptyDatabase() {
        today = api.emptyDatabase();
    }

    @Test
    @Order(1)
    void everyRuleOfTheVersionInForceIsListedAtZeroBeforeItFires() throws Exception {
        CompiledRuleset inForce = active.current();
        Scrape scrape = scrape();

        List<Scrape.Series> rules = scrape.find("tiering_rule_firings_total");
        assertThat(rules).hasSize(inForce.catalog().size())
                .allSatisfy(rule -> assertThat(rule.labels()).containsEntry("version", inForce.shortVersion()));
        for (RuleInfo rule : inForce.catalog().values()) {
            assertThat(scrape.find("tiering_rule_firings_total", "rule", rule.name(), "source", rule.source(),
                    "file", rule.file())).as(rule.source()).singleElement()
                    .satisfies(series -> assertThat(series.value()).isZero());
        }
        assertThat(scrape.find("tiering_rule_firings_total", "source", "tiers.xlsx › Tiers › row 12")).hasSize(1);
    }

    @Test
    void anEvaluationCountsItsTierAndEachRuleThatFiredByItsRowAndNoOtherRule() throws Exception {
        api.customer("MET-1").name("Metrics Customer MET-1").create();
        api.orders("MET-1", order("o-1", today.minusDays(30), "500.00"));
        Scrape before = scrape();

        String decision = mvc.perform(post("/api/v1/customers/MET-1/evaluation")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        Scrape after = scrape();
        String tier = JsonPath.read(decision, "$.tier");
        List<Map<String, Object>> fired = JsonPath.read(decision, "$.explanation.firedRules");
        assertThat(fired).isNotEmpty();
        assertThat(delta(before, after, "tiering_evaluation_seconds_count", "trigger", "request")).isEqualTo(1);
        assertThat(delta(before, after, "tiering_decisions_total", "tier", tier)).isEqualTo(1);
        assertThat(delta(before, after, "tiering_decisions_total")).isEqualTo(1);
        for (Map<String, Object> rule : fired) {
            String name = (String) rule.get("rule");
            String source = (String) rule.get("source");
            long times = fired.stream().filter(r -> r.get("source").equals(source)).count();
            assertThat(delta(before, after, "tiering_rule_firings_total", "rule", name, "source", source))
                    .as(source).isEqualTo(times);
        }
        assertThat(delta(before, after, "tiering_rule_firings_total")).as("no other rule counted")
                .isEqualTo(fired.size());
        assertThat(delta(before, after, "tiering_run_customers_total")).as("not a run").isZero();
    }

    @Test
    void lookupsAreTimedByKindAndOutcomeWithAHistogramForPercentiles() throws Exception {
        api.customer("MET-2").name("Metrics Customer MET-2").create();
        api.orders("MET-2", order("o-1", today.minusDays(30), "500.00"));
        mvc.perform(post("/api/v1/customers/MET-2/evaluation")).andExpect(status().isOk());
        Scrape before = scrape();

        mvc.perform(get("/api/v1/customers/MET-2/tier")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/MET-2/tier")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/MET-NOBODY/tier")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/not a valid id!/tier")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/tiers/lookup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerIds\":[\"MET-2\",\"MET-NOBODY\"]}")).andExpect(status().isOk());

        Scrape after = scrape();
        String lookups = "tiering_lookup_seconds_count";
        assertThat(delta(before, after, lookups, "kind", "single", "outcome", "success")).isEqualTo(2);
        assertThat(delta(before, after, lookups, "kind", "single", "outcome", "not_found")).isEqualTo(1);
        assertThat(delta(before, after, lookups, "kind", "single", "outcome", "invalid")).isEqualTo(1);
        assertThat(delta(before, after, lookups, "kind", "bulk", "outcome", "success")).isEqualTo(1);
        assertThat(delta(before, after, lookups)).isEqualTo(5);
        assertThat(delta(before, after, "tiering_lookup_seconds_bucket", "kind", "single", "outcome", "success",
                "le", "+Inf")).isEqualTo(2);
        assertThat(after.find("tiering_lookup_seconds_bucket", "kind", "single", "outcome", "success"))
                .as("buckets from 100 µs, so p50 and p99 of fast lookups are told apart")
                .anySatisfy(bucket -> assertThat(Double.parseDouble(bucket.labels().get("le"))).isLessThan(0.001))
                .as("a bucket ends at the 10 ms target").anySatisfy(bucket -> assertThat(bucket.labels()).containsEntry("le", "0.01"));
    }

    @Test
    void aRunIsTimedAndCountsItsCustomersAndTheTierGaugeShowsTheDecisionsInForce() throws Exception {
        for (int i = 1; i <= 3; i++) {
            api.customer("MET-RUN-" + i).name("Metrics Customer " + "MET-RUN-" + i).create();
            api.orders("MET-RUN-" + i, order("o-" + i, today.minusDays(i * 20L), i * 1000 + ".00"));
        }
        Scrape before = scrape();

        String location = mvc.perform(post("/api/v1/evaluation-runs")).andExpect(status().isAccepted())
                .andReturn().getResponse().getHeader("Location");
        Scrape after = awaitScrape(s -> delta(before, s, "tiering_run_duration_seconds_count", "status",
                "COMPLETED") == 1);

        mvc.perform(get(location)).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                .jsonPath("$.status").value("COMPLETED"));
        assertThat(delta(before, after, "tiering_run_customers_total")).isEqualTo(3);
        assertThat(delta(before, after, "tiering_evaluation_seconds_count", "trigger", "run")).isEqualTo(3);
        assertThat(delta(before, after, "tiering_decisions_total")).isEqualTo(3);
        assertThat(after.value("tiering_decisions_current")).isEqualTo(3);
        for (String tier : List.of("A", "B", "C", "D")) {
            assertThat(after.value("tiering_decisions_current", "tier", tier)).as("tier " + tier).isEqualTo(
                    jdbc.queryForObject("SELECT COUNT(*) FROM current_decision WHERE tier = ?", Double.class, tier));
        }
    }

    @Test
    void aChurnAlertIsCountedWhenItOpensNotWhileItStaysOpen() throws Exception {
        api.customer("MET-ALR").name("Metrics Customer MET-ALR").create();
        mvc.perform(post("/api/v1/customers/MET-ALR/interactions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"interactions\":[{\"interactionId\":\"n-1\",\"date\":\"" + today.minusDays(10)
                        + "\",\"type\":\"NPS_SURVEY\",\"score\":3}]}"))
                .andExpect(status().is2xxSuccessful());
        Scrape before = scrape();

        mvc.perform(post("/api/v1/customers/MET-ALR/evaluation")).andExpect(status().isOk());
        Scrape opened = scrape();
        mvc.perform(post("/api/v1/customers/MET-ALR/evaluation")).andExpect(status().isOk());
        Scrape again = scrape();

        String alerts = "tiering_churn_alerts_opened_total";
        assertThat(delta(before, opened, alerts, "trigger", "DETRACTOR", "risk", "MEDIUM")).isEqualTo(1);
        assertThat(delta(before, opened, alerts)).isEqualTo(1);
        assertThat(delta(opened, again, alerts)).as("the alert stays open: nothing new opened").isZero();
    }

    @Test
    void aPrometheusServerScrapesWithTheBasicCredentialsOfAMetricsUserWhoMayReadNothingElse() throws Exception {
        String salesKey = keys.create("metrics test sales system", "SALES_SYSTEM", "test").secret();

        mvc.perform(get("/actuator/prometheus").with(anonymous())).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(anonymous()).with(httpBasic("prometheus", "wrong")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(anonymous()).header("X-Api-Key", salesKey))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(user("rita").roles("RULE_AUTHOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(user("aude").roles("AUDITOR"))).andExpect(status().isOk());

        mvc.perform(get("/api/v1/customers").with(anonymous()).with(httpBasic("prometheus", "scrape-secret-42")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/info").with(user("prometheus").roles("METRICS"))).andExpect(status().isForbidden());
        // an endpoint that is not exposed is no address at all, for any signed-in caller (docs/security.md)
        mvc.perform(get("/actuator/env").with(user("prometheus").roles("METRICS"))).andExpect(status().isNotFound());
        assertThat(scrape().find("tiering_lookup_seconds_count")).isNotEmpty();
    }

    /** What Prometheus sees, signed in as the configured METRICS user. */
    private Scrape scrape() throws Exception {
        return Scrape.parse(mvc.perform(get("/actuator/prometheus").with(anonymous())
                .with(httpBasic("prometheus", "scrape-secret-42"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** Scrapes until the condition holds: a run's end is counted just after the run says it completed. */
    private Scrape awaitScrape(Predicate<Scrape> condition) {
        return await("the metrics show it").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(this::scrape, condition);
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
