package com.acme.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestData;
import com.acme.tiering.support.TestProfiles;
import com.acme.tiering.support.TieringApi;
import com.acme.tiering.support.Workbooks;

/**
 * Throws hostile input at every endpoint (issue 6 item 3) and the bad input of issue 14 item 8 at the write
 * endpoints: each input is answered 4xx with a problem detail naming what is wrong, never 5xx, and writes nothing;
 * input that is merely odd (SQL- or script-looking names, emoji) is a valid value, stored and echoed verbatim.
 * Prints, per endpoint, how many inputs were tried. Most go through MockMvc; what Tomcat sees before the service
 * (encoded slashes in a path) goes to the real server on its port.
 */
// The governance tests' context: its hostile ids (0x10 among them) are refused as not decimal (DecimalNumbers)
// whatever versions those tests made, and every probe must write nothing, so the class leaves the context as found
// but for its own customers, draft and REJECTED uploads.
@ServiceTest
@ActiveProfiles(TestProfiles.NO_RUN_AFTER_ACTIVATION)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTests {

    private static final RequestPostProcessor OPS = user("mia").roles("OPS_MANAGER");
    private static final RequestPostProcessor AUTHOR = user("rita").roles("RULE_AUTHOR");
    private static final String TARGET = "BAD-1";
    private static final String HUGE = "x".repeat(100_000);
    private static final String TEN_MEGABYTES = "{\"name\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
    private static final String DEEP_ARRAYS = "[".repeat(10_000) + "]".repeat(10_000);
    private static final String DEEP_OBJECTS = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

    /** Tables whose row counts a refused request must leave alone. */
    private static final Map<String, String> WRITTEN = tables();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** How many of the inputs are issue 14 item 8's (StrictInputs), for the tally. */
    private static int strictInputs;

    /** endpoint → [inputs tried, answered 4xx, accepted verbatim] */
    private static final Map<String, int[]> TALLY = new LinkedHashMap<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TieringApi api;

    @LocalServerPort
    int port;

    private LocalDate today;
    private long alertId;
    private long draftId;
    private long activeId;
    private String activeHash;

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        List.of("customer", "customer_order", "interaction", "current_decision", "decision_history",
                "manual_override", "churn_alert", "churn_alert_transition", "ruleset_test_file", "ruleset_shadow",
                "api_key", "app_user")
                .forEach(table -> tables.put(table, "SELECT COUNT(*) FROM " + table));
        // A rule upload that fails its checks is kept as REJECTED by design, so that auditors see what was tried.
        tables.put("ruleset_version", "SELECT COUNT(*) FROM ruleset_version WHERE status <> 'REJECTED'");
        tables.put("ruleset_event", "SELECT COUNT(*) FROM ruleset_event e JOIN ruleset_version v "
                + "ON v.id = e.ruleset_id WHERE v.status <> 'REJECTED'");
        tables.put("ruleset_version status", "SELECT COUNT(*) FROM ruleset_version WHERE status = 'ACTIVE'");
        return tables;
    }

    @BeforeAll
    void aCustomerWithAnAlertAndADraftRuleset() throws Exception {
        today = api.emptyDatabase();
        api.customer(TARGET).name("Bad Input Target GmbH").industry(null).region(null).owner("Sam Lee").create();
        api.orders(TARGET, TestData.order("o-1", today.minusDays(20), "1200.00"));
        api.interactions(TARGET, TestData.complaint("i-1", today.minusDays(5)),
                TestData.complaint("i-2", today.minusDays(3)));
        api.evaluate(TARGET);
        alertId = jdbc.queryForObject("SELECT MAX(id) FROM churn_alert", Long.class);
        activeId = jdbc.queryForObject("SELECT id FROM ruleset_version WHERE status = 'ACTIVE'", Long.class);
        activeHash = jdbc.queryForObject("SELECT content_hash FROM ruleset_version WHERE id = ?", String.class, activeId);
        byte[] tiers = Workbooks.withCell(Files.readAllBytes(Path.of("rules/tiers.xlsx")), null, 10, 1,
                "Strategic, bad input draft " + System.nanoTime());
        api.draft(user("ann").roles("OPS_MANAGER"), "tiers.xlsx", tiers, null);
        draftId = jdbc.queryForObject("SELECT MAX(id) FROM ruleset_version WHERE status = 'DRAFT'", Long.class);
    }

    @TestFactory
    @Order(1)
    Stream<DynamicNode> everyEndpointRefusesHostileInputWithAProblemDetailAndWritesNothing() {
        List<Probe> probes = new ArrayList<>();
        HostileInputs.of(this).forEach(probes::add);
        List<Probe> strict = StrictInputs.of(this);
        strictInputs = strict.size();
        probes.addAll(strict);
        Map<String, List<Probe>> byEndpoint = probes.stream()
                .collect(Collectors.groupingBy(Probe::endpoint, LinkedHashMap::new, Collectors.toList()));
        return byEndpoint.entrySet().stream().map(endpoint -> DynamicContainer.dynamicContainer(endpoint.getKey(),
                endpoint.getValue().stream().map(probe -> DynamicTest.dynamicTest(probe.input(), () -> run(probe)))));
    }

    @Test
    @Order(2)
    void formulasInCustomerTextAreNeutralisedInTheAuditExport() throws Exception {
        List<String> names = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3",
                "@SUM(1+1)*cmd|' /C calc'!A0", "Acme;=1+1", " =1+1");
        for (int i = 0; i < names.size(); i++) {
            String id = "FORMULA-" + i;
            api.customer(id).name(names.get(i)).industry(null).region(null).owner(null).create();
            api.orders(id, TestData.order("o-1", today.minusDays(2), "10"));
            api.evaluate(id);
        }
        // The override's reason reaches the export too, in the manualOverride column.
        mvc.perform(put("/api/v1/customers/FORMULA-0/override").with(OPS).contentType(MediaType.APPLICATION_JSON)
                .content("{\"tier\":\"A\",\"kind\":\"PIN\",\"reason\":\"Board;=1+1\\t=2+2\",\"expiresAt\":\""
                        + today.plusDays(30) + "T00:00:00Z\"}")).andExpect(status().isOk());
        String range = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        MvcResult started = mvc.perform(get("/api/v1/audit/decisions?" + range + "&format=csv")).andReturn();
        String csv = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        for (int i = 0; i < names.size(); i++) {
            String stored = names.get(i).trim();
            String id = "FORMULA-" + i + ",";
            String line = csv.lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow();
            assertThat(cellsOf(line).get(1)).isEqualTo("=+-@".indexOf(stored.charAt(0)) >= 0 ? "'" + stored : stored);
        }
        // Whatever separator a spreadsheet guesses (comma, semicolon, tab), no cell may start a formula.
        csv.lines().filter(line -> line.startsWith("FORMULA-")).forEach(line -> {
            for (String separator : List.of(",", ";", "\t")) {
                for (String cell : splitUnquoted(line, separator)) {
                    assertThat(cell.isEmpty() ? ' ' : cell.charAt(0)).as("a cell of %s split at '%s': %s", line,
                            separator, cell).isNotIn('=', '+', '-', '@', '\t', '\r');
                }
            }
        });
    }

    @Test
    @Order(3)
    void theServiceStillAnswersAfterwards() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/api/v1/customers/" + TARGET + "/tier")).andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(TARGET));
        mvc.perform(post("/api/v1/tiers/lookup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerIds\":[\"" + TARGET + "\"]}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions[0].customerId").value(TARGET));
    }

    @AfterAll
    void printTheTally() {
        String line = "-".repeat(82);
        StringBuilder table = new StringBuilder("\nBad input per endpoint (issue 6 item 3, issue 14 item 8)\n").append(line).append('\n')
                .append(String.format("%-58s %6s %6s %9s%n", "endpoint", "tried", "4xx", "accepted"))
                .append(line).append('\n');
        int[] total = new int[3];
        TALLY.forEach((endpoint, counts) -> {
            table.append(String.format("%-58s %6d %6d %9d%n", endpoint, counts[0], counts[1], counts[2]));
            IntStream.range(0, 3).forEach(i -> total[i] += counts[i]);
        });
        table.append(line).append('\n')
                .append(String.format("%-58s %6d %6d %9d%n", TALLY.size() + " endpoints", total[0], total[1], total[2]))
                .append(String.format("of which issue 14 item 8 (StrictInputs): %d inputs%n", strictInputs));
        System.out.println(table);
    }

    // ------------------------------------------------------------------------------------------------------

    /**
     * One hostile input at one endpoint, and what must come of it.
     *
     * @param request sent through MockMvc; or else
     * @param http sent to the real server
     * @param names texts the problem detail must hold, separated by {@code |}
     */
    record Probe(String endpoint, String input, RequestBuilder request, HttpRequest http, Integer status,
            String names, Accepted accepted) {
    }

    /** What came back. */
    private record Answer(int status, String contentType, String body, MvcResult result) {
    }

    /** For input that is valid however odd it looks: what must be stored or echoed verbatim, then clean up. */
    interface Accepted {
        void verify(MvcResult result) throws Exception;
    }

    private void run(Probe probe) throws Exception {
        Map<String, Long> before = counts();
        Answer answer = probe.http() != null ? send(probe.http()) : perform(probe.request());
        int status = answer.status();
        String body = answer.body();
        int[] tally = TALLY.computeIfAbsent(probe.endpoint(), e -> new int[3]);
        tally[0]++;
        assertThat(status).as("status of %s: %s", probe.input(), abbreviated(body)).isLessThan(500);
        if (probe.accepted() != null) {
            assertThat(status).as("%s is valid input: %s", probe.input(), abbreviated(body)).isBetween(200, 299);
            probe.accepted().verify(answer.result());
            tally[2]++;
            return;
        }
        assertThat(status).as("%s: %s", probe.input(), abbreviated(body)).isBetween(400, 499);
        if (probe.status() != null) {
            assertThat(status).as("%s: %s", probe.input(), abbreviated(body)).isEqualTo(probe.status());
        }
        assertThat(answer.contentType()).as("content type for %s", probe.input())
                .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(body).as("a problem detail").contains("\"status\":" + status).contains("\"title\"")
                .doesNotContain("Exception").doesNotContain("\tat ");
        if (probe.names() != null) {
            for (String name : probe.names().split("\\|")) {
                assertThat(body).as("names what is wrong").contains(name);
            }
        }
        assertThat(counts()).as("rows after %s", probe.input()).isEqualTo(before);
        tally[1]++;
    }

    private Answer perform(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        return new Answer(result.getResponse().getStatus(), result.getResponse().getContentType(),
                result.getResponse().getContentAsString(StandardCharsets.UTF_8), result);
    }

    private static Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), null);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        WRITTEN.forEach((table, sql) -> counts.put(table, jdbc.queryForObject(sql, Long.class)));
        return counts;
    }

    private static String abbreviated(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }

    static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> json.append(c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c)
                        : String.valueOf(c));
            }
        }
        return json.append('"').toString();
    }

    /** The cells of one CSV record (RFC 4180 quoting), unquoted. */
    private static List<String> cellsOf(String csv) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted && c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            }
            else if (c == '"') {
                quoted = !quoted;
            }
            else if (!quoted && c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else if (!quoted && (c == '\r' || c == '\n')) {
                break;
            }
            else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** Cells as a spreadsheet guessing another separator would see them: quotes still protect their content. */
    private static List<String> splitUnquoted(String line, String separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                if (cell.isEmpty() && quoted) {
                    continue;
                }
            }
            if (!quoted && separator.indexOf(c) >= 0) {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else if (c != '"') {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    // Accessors for HostileInputs, which builds the table of probes.

    String target() {
        return TARGET;
    }

    int port() {
        return port;
    }

    long alertId() {
        return alertId;
    }

    long draftId() {
        return draftId;
    }

    long activeId() {
        return activeId;
    }

    String activeHash() {
        return activeHash;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    MockMvc mvc() {
        return mvc;
    }

    static RequestPostProcessor ops() {
        return OPS;
    }

    static RequestPostProcessor author() {
        return AUTHOR;
    }

    static String huge() {
        return HUGE;
    }

    static String tenMegabytes() {
        return TEN_MEGABYTES;
    }

    static String deepArrays() {
        return DEEP_ARRAYS;
    }

    static String deepObjects() {
        return DEEP_OBJECTS;
    }

    static MockHttpServletRequestBuilder json(HttpMethod method, String uri, String body) {
        return request(method, HostileInputs.uri(uri)).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static MockMultipartHttpServletRequestBuilder upload(String name, byte[] content) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/api/v1/rulesets")
                .file(new MockMultipartFile("files", name, MediaType.APPLICATION_OCTET_STREAM_VALUE, content));
    }
}
