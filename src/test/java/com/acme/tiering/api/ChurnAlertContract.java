package com.acme.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static com.acme.tiering.support.TestData.complaint;
import static com.acme.tiering.support.TestData.nps;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TieringApi;
import com.acme.tiering.support.WebhookReceiver;

/**
 * The churn alert lifecycle through the HTTP API: alerts open and close with their triggers, an operations
 * manager acknowledges and resolves them, and every new alert reaches the webhook even after an outage.
 * Runs on H2 and on a real MySQL-protocol server through the subclasses.
 */
@ServiceTest // with the fast delivery timers of the tests' configuration: 0.1 s polls, 2 s read timeout
// The webhook makes the context this class's alone: closed after it, so that its sender stops polling the outbox.
@DirtiesContext
abstract class ChurnAlertContract {

    private static final RequestPostProcessor OPS = user("mia").roles("OPS_MANAGER");

    /** One receiver for the JVM; each test tells its own alerts apart by their customer ids. */
    static final WebhookReceiver RECEIVER = WebhookReceiver.start();

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("tiering.alerts.webhook-url", RECEIVER::url);
    }

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
    void emptyDatabase() {
        RECEIVER.up();
        today = api.emptyDatabase();
    }

    @Test
    void anAlertOpensWhenATriggerFiresClosesByItselfWhenItStopsAndANewOneOpensWhenItFiresAgain() throws Exception {
        api.customer("ALR-1").name("Alert Customer ALR-1").industry("Retail").create();
        api.interactions("ALR-1", nps("n-1", today.minusDays(10), 3));
        api.evaluate("ALR-1");

        long id = onlyAlertId("OPEN");
        alert(id).andExpect(jsonPath("$.triggerId").value("DETRACTOR"))
                .andExpect(jsonPath("$.customerName").value("Alert Customer ALR-1"))
                .andExpect(jsonPath("$.owner").value("Alex Rep")).andExpect(jsonPath("$.risk").value("MEDIUM"))
                .andExpect(jsonPath("$.triggerFiring").value(true))
                .andExpect(jsonPath("$.history.length()").value(1))
                .andExpect(jsonPath("$.history[0].toStatus").value("OPEN"))
                .andExpect(jsonPath("$.history[0].actor").value("system (churn trigger)"));
        String body = alert(id).andReturn().getResponse().getContentAsString();
        assertThat(Duration.between(Instant.parse(JsonPath.read(body, "$.openedAt")),
                Instant.parse(JsonPath.read(body, "$.dueAt")))).isEqualTo(Duration.ofHours(72));

        api.interactions("ALR-1", nps("n-2", today.minusDays(5), 9));
        api.evaluate("ALR-1");

        alert(id).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closedReason", containsString("no longer fires")))
                .andExpect(jsonPath("$.triggerFiring").value(false))
                .andExpect(jsonPath("$.history[1].fromStatus").value("OPEN"))
                .andExpect(jsonPath("$.history[1].toStatus").value("CLOSED"));
        assertThat(alertCount()).isEqualTo(1);

        api.interactions("ALR-1", nps("n-3", today.minusDays(1), 2));
        api.evaluate("ALR-1");
        assertThat(onlyAlertId("OPEN")).isNotEqualTo(id);
        assertThat(alertCount()).isEqualTo(2);
    }

    @Test
    void anOperationsManagerAcknowledgesThenResolvesWithCommentsAndTheHistoryShowsWhoAndWhen() throws Exception {
        long id = firingAlert("ALR-2");

        acknowledge(id, "{\"comment\":\"Calling them this afternoon\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"));
        resolve(id, "{\"comment\":\"Called; service review booked for next week\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RESOLVED"));

        alert(id).andExpect(jsonPath("$.history.length()").value(3))
                .andExpect(jsonPath("$.history[1].toStatus").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.history[1].actor").value("mia"))
                .andExpect(jsonPath("$.history[1].comment").value("Calling them this afternoon"))
                .andExpect(jsonPath("$.history[1].at").isNotEmpty())
                .andExpect(jsonPath("$.history[2].fromStatus").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.history[2].toStatus").value("RESOLVED"))
                .andExpect(jsonPath("$.history[2].actor").value("mia"))
                .andExpect(jsonPath("$.history[2].comment").value("Called; service review booked for next week"));

        // The trigger still fires: the resolved alert stays the episode's alert, no new one opens.
        api.evaluate("ALR-2");
        assertThat(alertCount()).isEqualTo(1);
        alert(id).andExpect(jsonPath("$.status").value("RESOLVED")).andExpect(jsonPath("$.triggerFiring").value(true));
    }

    @Test
    void anAcknowledgementNeedsNoComment() throws Exception {
        long id = firingAlert("ALR-3");

        mvc.perform(post("/api/v1/churn-alerts/" + id + "/acknowledgement").with(OPS)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.history[1].comment").isEmpty());
    }

    @Test
    void illegalTransitionsAreRefusedSayingWhyAndWriteNothing() throws Exception {
        long id = firingAlert("ALR-4");
        acknowledge(id, "{}").andExpect(status().isOk());
        int transitions = transitionCount();

        acknowledge(id, "{\"comment\":\"me too\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("already acknowledged")))
                .andExpect(jsonPath("$.detail", containsString("by mia")));
        resolve(id, "{\"comment\":\"done\"}").andExpect(status().isOk());
        resolve(id, "{\"comment\":\"done again\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("already resolved")));
        acknowledge(id, "{}").andExpect(status().isConflict());
        assertThat(transitionCount()).isEqualTo(transitions + 1);

        long closed = firingAlert("ALR-5");
        api.interactions("ALR-5", nps("n-2", today.minusDays(2), 10));
        api.evaluate("ALR-5");
        transitions = transitionCount();
        resolve(closed, "{\"comment\":\"too late\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("closed automatically")))
                .andExpect(jsonPath("$.alertStatus").value("CLOSED"));
        acknowledge(closed, "{}").andExpect(status().isConflict());
        assertThat(transitionCount()).isEqualTo(transitions);
        alert(closed).andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndWriteNothing() throws Exception {
        long id = firingAlert("ALR-6");
        int transitions = transitionCount();

        resolve(id, "{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("comment")));
        resolve(id, "{\"comment\":\"   \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("comment")));
        resolve(id, "{\"comment\":\"" + "x".repeat(2001) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("comment")));
        acknowledge(id, "{\"comment\":\"" + "x".repeat(2001) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("comment")));
        acknowledge(id, "{\"comment\":").andExpect(status().isBadRequest());
        acknowledge(999_999_999L, "{}").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("999999999")));
        resolve(999_999_999L, "{\"comment\":\"x\"}").andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/churn-alerts/999999999")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/churn-alerts/" + id + "/acknowledgement").with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous()))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/churn-alerts/" + id + "/resolution").with(user("rita").roles("RULE_AUTHOR"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"x\"}"))
                .andExpect(status().isForbidden());

        assertThat(transitionCount()).isEqualTo(transitions);
        alert(id).andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void listsNewestFirstAndFiltersOverdueAlertsStillOpen() throws Exception {
        api.customer("ALR-7").name("Alert Customer ALR-7").industry("Retail").create();
        api.interactions("ALR-7", nps("n-1", today.minusDays(10), 3), complaint("c-1", today.minusDays(9)),
                complaint("c-2", today.minusDays(8)));
        api.evaluate("ALR-7");
        long newest = firingAlert("ALR-8");
        jdbc.update("UPDATE churn_alert SET due_at = ? WHERE trigger_id = 'COMPLAINT_BURST'",
                Timestamp.from(clock.instant().minus(Duration.ofHours(1))));

        mvc.perform(get("/api/v1/churn-alerts")).andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].id").value(newest));
        mvc.perform(get("/api/v1/churn-alerts?size=1&page=2")).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].customerId").value("ALR-7"));
        mvc.perform(get("/api/v1/churn-alerts?overdue=true")).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].triggerId").value("COMPLAINT_BURST"))
                .andExpect(jsonPath("$[0].ownerRole").value("SERVICE_MANAGER"))
                .andExpect(jsonPath("$[0].overdue").value(true));
        mvc.perform(get("/api/v1/churn-alerts?overdue=false&trigger=DETRACTOR&owner=Alex Rep&risk=MEDIUM"))
                .andExpect(jsonPath("$.length()").value(2)).andExpect(jsonPath("$[*].overdue").value(
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(false))));

        long overdue = ((Number) JsonPath.read(mvc.perform(get("/api/v1/churn-alerts?overdue=true")).andReturn()
                .getResponse().getContentAsString(), "$[0].id")).longValue();
        acknowledge(overdue, "{}").andExpect(jsonPath("$.overdue").value(true));
        mvc.perform(get("/api/v1/churn-alerts?overdue=true&status=ACKNOWLEDGED"))
                .andExpect(jsonPath("$.length()").value(1));
        resolve(overdue, "{\"comment\":\"Complaints settled\"}").andExpect(jsonPath("$.overdue").value(false));
        mvc.perform(get("/api/v1/churn-alerts?overdue=true")).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/churn-alerts?overdue=maybe")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("overdue")));
    }

    @Test
    void aWebhookReceiverThatIsDownForAWhileStillReceivesEveryAlertExactlyOnce() throws Exception {
        RECEIVER.down();
        String prefix = "WH-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int i = 1; i <= 3; i++) {
            api.customer(prefix + i).name("Alert Customer " + prefix + i).industry("Retail").create();
            api.interactions(prefix + i, nps("n-1", today.minusDays(10), 3), complaint("c-1", today.minusDays(9)),
                    complaint("c-2", today.minusDays(8)));
            api.evaluate(prefix + i);
        }
        List<Long> opened = jdbc.queryForList("SELECT id FROM churn_alert WHERE customer_id LIKE ?", Long.class,
                prefix + "%");
        assertThat(opened).hasSize(6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM churn_alert_outbox", Integer.class)).isEqualTo(6);

        await("the sender retried while the receiver was down").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50)).until(() -> RECEIVER.refused() >= 4
                        && jdbc.queryForObject("SELECT MAX(attempts) FROM churn_alert_outbox", Integer.class) >= 2);
        assertThat(received(prefix)).isEmpty();

        RECEIVER.up();
        await("every alert marked delivered").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM churn_alert_outbox WHERE delivered_at IS NULL", Integer.class) == 0);

        Map<Long, Long> deliveriesPerAlert = received(prefix).stream().collect(Collectors.groupingBy(
                d -> ((Number) JsonPath.read(d.body(), "$.alertId")).longValue(), Collectors.counting()));
        assertThat(deliveriesPerAlert.keySet()).containsExactlyInAnyOrderElementsOf(opened);
        assertThat(deliveriesPerAlert.values()).containsOnly(1L);
        WebhookReceiver.Delivery one = received(prefix).get(0);
        long alertId = ((Number) JsonPath.read(one.body(), "$.alertId")).longValue();
        assertThat(one.idempotencyKey()).isEqualTo("churn-alert-" + alertId);
        String customerId = JsonPath.read(one.body(), "$.customerId");
        assertThat((String) JsonPath.read(one.body(), "$.customerName")).isEqualTo("Alert Customer " + customerId);
        assertThat((String) JsonPath.read(one.body(), "$.owner")).isEqualTo("Alex Rep");
        assertThat((String) JsonPath.read(one.body(), "$.triggerId")).isIn("DETRACTOR", "COMPLAINT_BURST");
        assertThat((String) JsonPath.read(one.body(), "$.risk")).isIn("MEDIUM", "HIGH");
        assertThat((String) JsonPath.read(one.body(), "$.recommendedAction")).isNotBlank();
        assertThat((String) JsonPath.read(one.body(), "$.ownerRole")).isIn("ACCOUNT_MANAGER", "SERVICE_MANAGER");
        assertThat(Instant.parse(JsonPath.read(one.body(), "$.dueAt")))
                .isAfter(Instant.parse(JsonPath.read(one.body(), "$.openedAt")));
    }

    @Test
    void aHangingReceiverIsGivenUpOnAtTheReadTimeoutAndTheAlertIsDeliveredOnceItAnswers() throws Exception {
        RECEIVER.hanging(Duration.ofSeconds(6));
        String prefix = "HANG-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        long id = firingAlert(prefix + 1);

        await("the attempt timed out after the 2 s read timeout").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForList(
                        "SELECT last_error FROM churn_alert_outbox WHERE alert_id = ?", String.class, id).stream()
                        .anyMatch(error -> error != null && error.contains("timed out")));
        RECEIVER.up();
        await("the alert delivered").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM churn_alert_outbox WHERE alert_id = ? AND delivered_at IS NOT NULL",
                        Integer.class, id) == 1);

        assertThat(received(prefix)).singleElement()
                .satisfies(d -> assertThat(d.idempotencyKey()).isEqualTo("churn-alert-" + id));
    }

    private List<WebhookReceiver.Delivery> received(String customerPrefix) {
        return RECEIVER.accepted().stream()
                .filter(d -> JsonPath.<String>read(d.body(), "$.customerId").startsWith(customerPrefix)).toList();
    }

    /** A customer for whom DETRACTOR (latest NPS 3) fires, evaluated: its one open alert's id. */
    private long firingAlert(String customerId) throws Exception {
        api.customer(customerId).name("Alert Customer " + customerId).industry("Retail").create();
        api.interactions(customerId, nps("n-1", today.minusDays(10), 3));
        api.evaluate(customerId);
        return jdbc.queryForObject("SELECT id FROM churn_alert WHERE customer_id = ? AND status = 'OPEN'", Long.class,
                customerId);
    }

    private long onlyAlertId(String status) throws Exception {
        String body = mvc.perform(get("/api/v1/churn-alerts?status=" + status)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$[0].id")).longValue();
    }

    private ResultActions alert(long id) throws Exception {
        return mvc.perform(get("/api/v1/churn-alerts/" + id)).andExpect(status().isOk());
    }

    private ResultActions acknowledge(long id, String body) throws Exception {
        return mvc.perform(post("/api/v1/churn-alerts/" + id + "/acknowledgement").with(OPS)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions resolve(long id, String body) throws Exception {
        return mvc.perform(post("/api/v1/churn-alerts/" + id + "/resolution").with(OPS)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private int alertCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM churn_alert", Integer.class);
    }

    private int transitionCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM churn_alert_transition", Integer.class);
    }
}
