package com.acme.tiering.support;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import com.acme.tiering.ruleset.RuleFile;

import tools.jackson.databind.json.JsonMapper;

/**
 * The service's HTTP API as the contract and page tests call it to set up what they test: customers, their
 * orders and interactions, evaluations and runs. Requests go through the context's MockMvc (so they run as
 * {@link EveryRoleByDefault}'s test user) and fail the test at once when the service does not take them.
 * A component of every test context that has a MockMvc ({@code @AutoConfigureMockMvc}); inject it with
 * {@code @Autowired TieringApi api}. Beside the API, what a test needs around it: the data tables emptied before it,
 * the service's today, and a run that another instance seems to be running.
 */
@Component
public class TieringApi {

    /** How long a run started by a test may take on the small datasets the contract tests make. */
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectProvider<MockMvc> mvc;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TieringApi(ObjectProvider<MockMvc> mvc, JdbcTemplate jdbc, Clock clock) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Empties the data tables ({@link DatabaseCleaner}) for a test that starts from no customers, and returns the
     * service's today (its clock's date), the date the test's orders and interactions are dated from.
     */
    public LocalDate emptyDatabase() {
        DatabaseCleaner.clean(jdbc);
        return today();
    }

    /** The service's today: its clock's date. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * A run row as if another instance were running it, {@code processed} of {@code total} customers through,
     * with a heartbeat in the future so that nobody takes it over while the test looks at it: the run's id.
     */
    public long aRunThatIsGoing(int total, int processed) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    INSERT INTO evaluation_run (as_of, status, trigger_kind, ruleset_version, total_customers,
                        processed_customers, started_at, running_key, heartbeat_at)
                    VALUES (?, 'RUNNING', 'API', ?, ?, ?, ?, 'RUN', ?)""", new String[] { "id" });
            insert.setObject(1, today());
            insert.setString(2, "0".repeat(64));
            insert.setInt(3, total);
            insert.setInt(4, processed);
            insert.setTimestamp(5, Timestamp.from(clock.instant().minusSeconds(5)));
            insert.setTimestamp(6, Timestamp.from(clock.instant().plus(Duration.ofHours(1))));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /** A customer to create or replace with {@code PUT /api/v1/customers/{id}}; see {@link NewCustomer}. */
    public NewCustomer customer(String id) {
        return new NewCustomer(id);
    }

    /** Adds orders ({@link TestData#order}) to a customer. */
    public void orders(String customerId, String... orders) throws Exception {
        mvc().perform(post("/api/v1/customers/" + customerId + "/orders").contentType(MediaType.APPLICATION_JSON)
                .content("{\"orders\":[" + String.join(",", orders) + "]}")).andExpect(status().is2xxSuccessful());
    }

    /** Adds interactions ({@link TestData#nps}, {@link TestData#complaint}) to a customer. */
    public void interactions(String customerId, String... interactions) throws Exception {
        mvc().perform(post("/api/v1/customers/" + customerId + "/interactions")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"interactions\":[" + String.join(",", interactions) + "]}"))
                .andExpect(status().is2xxSuccessful());
    }

    /** Evaluates a customer now; the answer is the decision (200). */
    public ResultActions evaluate(String customerId) throws Exception {
        return mvc().perform(post("/api/v1/customers/" + customerId + "/evaluation")).andExpect(status().isOk());
    }

    /** The customer's tier as a lookup answers it, whatever the status. */
    public ResultActions tier(String customerId) throws Exception {
        return mvc().perform(get("/api/v1/customers/" + customerId + "/tier"));
    }

    /** Starts an evaluation run of every customer (202): the run's address. */
    public String startRun() throws Exception {
        return mvc().perform(post("/api/v1/evaluation-runs")).andExpect(status().isAccepted()).andReturn()
                .getResponse().getHeader("Location");
    }

    /** Waits until the run at this address is no longer RUNNING: its last answer. */
    public String awaitRunEnded(String location) {
        return await("run " + location + " ended").atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> body(mvc().perform(get(location))), body -> !body.contains("\"RUNNING\""));
    }

    /** Waits until no run is RUNNING (publication and activation start runs of their own). */
    public void awaitNoRunGoing() {
        awaitNoRunGoing(RUN_TIMEOUT);
    }

    /** The same, for runs of larger datasets (the demo's): within the time given. */
    public void awaitNoRunGoing(Duration within) {
        await("no run going").atMost(within).pollInterval(Duration.ofMillis(100))
                .until(() -> !body(mvc().perform(get("/api/v1/evaluation-runs"))).contains("\"RUNNING\""));
    }

    /**
     * Uploads one rule file ({@code POST /api/v1/rulesets}) as the given user, with a comment unless it is null:
     * the answer, whatever it is.
     */
    public ResultActions upload(RequestPostProcessor user, String name, byte[] content, String comment)
            throws Exception {
        var request = multipart("/api/v1/rulesets").file(new MockMultipartFile("files", name,
                MediaType.APPLICATION_OCTET_STREAM_VALUE, content));
        return mvc().perform((comment == null ? request : request.param("comment", comment)).with(user));
    }

    /**
     * Uploads rule files with rule-test files ({@code files} and {@code tests} parts of {@code POST /api/v1/rulesets})
     * as the given user: the answer, whatever it is.
     */
    public ResultActions upload(RequestPostProcessor user, List<RuleFile> files, List<RuleFile> tests, String comment)
            throws Exception {
        var request = multipart("/api/v1/rulesets");
        files.forEach(file -> request.file(new MockMultipartFile("files", file.name(),
                MediaType.APPLICATION_OCTET_STREAM_VALUE, file.content())));
        tests.forEach(test -> request.file(new MockMultipartFile("tests", test.name(), "text/csv", test.content())));
        return mvc().perform((comment == null ? request : request.param("comment", comment)).with(user));
    }

    /** Uploads one rule file as the given user as a new draft (201): the draft's address. */
    public String draft(RequestPostProcessor user, String name, byte[] content, String comment) throws Exception {
        return upload(user, name, content, comment).andExpect(status().isCreated()).andReturn().getResponse()
                .getHeader("Location");
    }

    /** The response's body as UTF-8 text. */
    public static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** A value of the response's JSON body ({@code $.tier}). */
    public static <T> T read(ResultActions result, String jsonPath) throws Exception {
        return JsonPath.read(body(result), jsonPath);
    }

    private MockMvc mvc() {
        return mvc.getObject();
    }

    /**
     * A customer as the API takes it: Manufacturing in the North region, owned by Alex Rep, unless said
     * otherwise; a field set to null is left out of the request.
     */
    public final class NewCustomer {

        private final String id;
        private final Map<String, Object> body = new LinkedHashMap<>();

        private NewCustomer(String id) {
            this.id = id;
            body.put("name", "Customer " + id);
            body.put("industry", "Manufacturing");
            body.put("region", "North");
            body.put("accountOwner", "Alex Rep");
        }

        public NewCustomer name(String name) {
            body.put("name", name);
            return this;
        }

        public NewCustomer industry(String industry) {
            body.put("industry", industry);
            return this;
        }

        public NewCustomer region(String region) {
            body.put("region", region);
            return this;
        }

        public NewCustomer owner(String accountOwner) {
            body.put("accountOwner", accountOwner);
            return this;
        }

        /** A value of an attribute the rules declare ({@code attributes} of the request); null removes it. */
        @SuppressWarnings("unchecked")
        public NewCustomer attribute(String name, Object value) {
            ((Map<String, Object>) body.computeIfAbsent("attributes", k -> new LinkedHashMap<String, Object>()))
                    .put(name, value);
            return this;
        }

        /** {@code PUT}s the customer, whatever the answer. */
        public ResultActions send() throws Exception {
            Map<String, Object> given = new LinkedHashMap<>(body);
            given.values().removeIf(java.util.Objects::isNull);
            return mvc().perform(MockMvcRequestBuilders.put("/api/v1/customers/" + id)
                    .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(given)));
        }

        /** {@code PUT}s the customer (2xx); returns its id. */
        public String create() throws Exception {
            Map<String, Object> given = new LinkedHashMap<>(body);
            given.values().removeIf(java.util.Objects::isNull);
            mvc().perform(put("/api/v1/customers/" + id).contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsString(given))).andExpect(status().is2xxSuccessful());
            return id;
        }
    }
}
