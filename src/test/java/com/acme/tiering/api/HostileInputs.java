package com.acme.tiering.api;

import static com.acme.tiering.api.BadInputTests.author;
import static com.acme.tiering.api.BadInputTests.deepArrays;
import static com.acme.tiering.api.BadInputTests.deepObjects;
import static com.acme.tiering.api.BadInputTests.huge;
import static com.acme.tiering.api.BadInputTests.json;
import static com.acme.tiering.api.BadInputTests.jsonString;
import static com.acme.tiering.api.BadInputTests.ops;
import static com.acme.tiering.api.BadInputTests.tenMegabytes;
import static com.acme.tiering.api.BadInputTests.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.acme.tiering.api.BadInputTests.Accepted;
import com.acme.tiering.api.BadInputTests.Probe;

/** The table of hostile inputs, endpoint by endpoint. */
final class HostileInputs {

    /** Customer ids (path variables) that are not ids: each must be refused before any lookup. */
    private static final List<String> HOSTILE_IDS = List.of("' OR 1=1 --", "x; DROP TABLE customer;",
            "<script>alert(1)</script>", "..%2F..%2Fetc%2Fpasswd", "%00", "%E2%80%AE1-TSUC", "%F0%9F%98%80",
            "x".repeat(65), "%ED%A0%80");

    /** Numeric ids (alerts, rulesets, runs) that are not numbers or no number of anything. */
    private static final List<String> HOSTILE_NUMBERS = List.of("abc", "1%20OR%201=1", "99999999999999999999",
            "-1", "1.5", "0x10");

    private final BadInputTests test;
    private final List<Probe> probes = new ArrayList<>();

    private HostileInputs(BadInputTests test) {
        this.test = test;
    }

    static List<Probe> of(BadInputTests test) {
        HostileInputs inputs = new HostileInputs(test);
        inputs.lookups();
        inputs.customers();
        inputs.ordersAndInteractions();
        inputs.decisions();
        inputs.whatIf();
        inputs.overrides();
        inputs.churnAlerts();
        inputs.runs();
        inputs.audit();
        inputs.rulesetReads();
        inputs.rulesetUploads();
        inputs.rulesetChanges();
        inputs.administration();
        return inputs.probes;
    }

    // ----------------------------------------------------------------------------------------------------------

    private void lookups() {
        ids("GET /api/v1/customers/{id}/tier", id -> get("/api/v1/customers/" + id + "/tier"));
        String endpoint = "POST /api/v1/tiers/lookup";
        Function<String, MockHttpServletRequestBuilder> send = body -> json(POST, "/api/v1/tiers/lookup", body);
        bodies(endpoint, send);
        refused(endpoint, "no customerIds", send.apply("{}"), "customerIds");
        refused(endpoint, "customerIds null", send.apply("{\"customerIds\":null}"), "customerIds");
        refused(endpoint, "customerIds empty", send.apply("{\"customerIds\":[]}"), "customerIds");
        refused(endpoint, "customerIds a string", send.apply("{\"customerIds\":\"BAD-1\"}"), "customerIds");
        refused(endpoint, "customerIds an object", send.apply("{\"customerIds\":{\"a\":1}}"), "customerIds");
        refused(endpoint, "a null id", send.apply("{\"customerIds\":[null]}"), "customerIds");
        refused(endpoint, "an array as id", send.apply("{\"customerIds\":[[1]]}"), null);
        refused(endpoint, "1,001 ids", send.apply("{\"customerIds\":["
                + IntStream.range(0, 1001).mapToObj(i -> "\"C-" + i + "\"").collect(Collectors.joining(",")) + "]}"),
                "customerIds");
        for (String id : List.of("' OR 1=1 --", "; DROP TABLE customer;", "<script>", "../../etc/passwd", "\u0000",
                "\ud800", "\u202eX", "a\u200bb", "😀", huge())) {
            refused(endpoint, "id " + label(id), send.apply("{\"customerIds\":[" + jsonString(id) + "]}"),
                    "customerIds");
        }
        accepted("GET /api/v1/ping", "unknown parameters with bad values", get("/api/v1/ping?id=' OR 1=1&x=<script>"),
                result -> assertThat(result.getResponse().getContentAsString()).isEqualTo("{\"status\":\"UP\"}"));
    }

    private void customers() {
        String endpoint = "PUT /api/v1/customers/{id}";
        String uri = "/api/v1/customers/BAD-NEW";
        Function<String, MockHttpServletRequestBuilder> send = body -> json(PUT, uri, body);
        ids(endpoint, id -> json(PUT, "/api/v1/customers/" + id, "{\"name\":\"x\"}"));
        bodies(endpoint, send);
        refused(endpoint, "no name", send.apply("{\"industry\":\"Retail\"}"), "name");
        refused(endpoint, "name null", send.apply("{\"name\":null}"), "name");
        refused(endpoint, "name blank", send.apply("{\"name\":\"   \"}"), "name");
        refused(endpoint, "name 201 characters", send.apply("{\"name\":\"" + "n".repeat(201) + "\"}"), "name");
        refused(endpoint, "name 100k characters", send.apply("{\"name\":\"" + huge() + "\"}"), "name");
        refused(endpoint, "name an object", send.apply("{\"name\":{\"first\":\"x\"}}"), "name");
        refused(endpoint, "name an array", send.apply("{\"name\":[\"x\"]}"), "name");
        refused(endpoint, "name with NUL", send.apply("{\"name\":\"Acme\\u0000Ltd\"}"), "name");
        refused(endpoint, "name with a lone surrogate", send.apply("{\"name\":\"Acme \\ud800\"}"), "name");
        refused(endpoint, "name with a line break", send.apply("{\"name\":\"Acme\\nLtd\"}"), "name");
        refused(endpoint, "industry 100k characters", send.apply("{\"name\":\"x\",\"industry\":\"" + huge() + "\"}"),
                "industry");
        refused(endpoint, "accountOwner with NUL", send.apply("{\"name\":\"x\",\"accountOwner\":\"\\u0000\"}"),
                "accountOwner");
        refused(endpoint, "employees a word", send.apply("{\"name\":\"x\",\"employees\":\"many\"}"), "employees");
        refused(endpoint, "employees negative", send.apply("{\"name\":\"x\",\"employees\":-1}"), "employees");
        refused(endpoint, "employees beyond int", send.apply("{\"name\":\"x\",\"employees\":99999999999}"),
                "employees");
        refused(endpoint, "employees 1e999999999", send.apply("{\"name\":\"x\",\"employees\":1e999999999}"),
                "employees");
        refused(endpoint, "employees a 2,000-digit number", send.apply("{\"name\":\"x\",\"employees\":"
                + "9".repeat(2000) + "}"), null);
        refused(endpoint, "employees an array", send.apply("{\"name\":\"x\",\"employees\":[1]}"), "employees");
        for (String name : List.of("' OR 1=1 --", "Robert'); DROP TABLE customer;--", "<script>alert(1)</script>",
                "\u202eredlohekatS", "Zero\u200bWidth\u200dJoiner", "Emoji 😀🚀 GmbH", "Ünïcödé Ωmega 株式会社",
                "%s%n%x ${jndi:ldap://x}", "../../etc/passwd", "=HYPERLINK(\"http://evil.example\")")) {
            accepted(endpoint, "name " + label(name), send.apply("{\"name\":" + jsonString(name) + "}"), result -> {
                String echoed = com.jayway.jsonpath.JsonPath.read(result.getResponse()
                        .getContentAsString(StandardCharsets.UTF_8), "$.name");
                assertThat(echoed).isEqualTo(name);
                assertThat(test.jdbc().queryForObject("SELECT name FROM customer WHERE customer_id = 'BAD-NEW'",
                        String.class)).isEqualTo(name);
                test.jdbc().update("DELETE FROM customer WHERE customer_id = 'BAD-NEW'");
            });
        }
        String list = "GET /api/v1/customers?query&page&size";
        for (String query : List.of("page=-1", "page=abc", "page=99999999999", "page=1000001", "size=0", "size=-5",
                "size=501", "size=99999999999999", "size=1e3", "query=" + "q".repeat(201))) {
            refused(list, query.length() > 40 ? query.substring(0, 20) + "…" : query,
                    get("/api/v1/customers?" + query), query.substring(0, query.indexOf('=')));
        }
        for (String query : List.of("' OR 1=1 --", "%", "_", "\\", "'; DROP TABLE customer;--", "<script>",
                "\u0000", "😀", "\u202e")) {
            accepted(list, "query " + label(query), get("/api/v1/customers?query=" + encode(query)),
                    result -> assertThat(result.getResponse().getContentAsString()).contains("\"customers\""));
        }
        accepted(list, "unknown parameters with bad values", get("/api/v1/customers?sort=;DROP&debug=<script>&page=0"),
                result -> assertThat(result.getResponse().getStatus()).isEqualTo(200));
    }

    private void ordersAndInteractions() {
        String orders = "POST /api/v1/customers/{id}/orders";
        String uri = "/api/v1/customers/" + test.target() + "/orders";
        Function<String, MockHttpServletRequestBuilder> send = body -> json(POST, uri, body);
        ids(orders, id -> json(POST, "/api/v1/customers/" + id + "/orders", order("o-x", "2024-01-01", "1")));
        bodies(orders, send);
        refused(orders, "orders missing", send.apply("{}"), "orders");
        refused(orders, "orders empty", send.apply("{\"orders\":[]}"), "orders");
        refused(orders, "orders an object", send.apply("{\"orders\":{\"orderId\":\"o\"}}"), "orders");
        refused(orders, "a null order", send.apply("{\"orders\":[null]}"), "orders[0]");
        refused(orders, "10,001 orders", send.apply("{\"orders\":[" + IntStream.range(0, 10_001)
                .mapToObj(i -> "{\"orderId\":\"o-" + i + "\",\"orderDate\":\"2024-01-01\",\"amount\":1}")
                .collect(Collectors.joining(",")) + "]}"), "orders");
        refused(orders, "orderId missing", send.apply("{\"orders\":[{\"orderDate\":\"2024-01-01\",\"amount\":1}]}"),
                "orderId");
        refused(orders, "orderId path traversal", send.apply(order("../../etc/passwd", "2024-01-01", "1")), "orderId");
        refused(orders, "orderId SQL", send.apply(order("' OR 1=1 --", "2024-01-01", "1")), "orderId");
        refused(orders, "orderId 100k", send.apply(order(huge(), "2024-01-01", "1")), "orderId");
        refused(orders, "orderDate 30 February", send.apply(order("o-x", "2024-02-30", "1")), "orderDate");
        refused(orders, "orderDate a word", send.apply(order("o-x", "yesterday", "1")), "orderDate");
        refused(orders, "orderDate a number", send.apply(order("o-x", "20240101", "1")), "orderDate");
        refused(orders, "orderDate year 999999999", send.apply(order("o-x", "+999999999-12-31", "1")), "orderDate");
        refused(orders, "orderDate year -1", send.apply(order("o-x", "-0001-01-01", "1")), "orderDate");
        refused(orders, "amount negative", send.apply(orderRaw("-1")), "amount");
        refused(orders, "amount a word", send.apply(orderRaw("\"lots\"")), "amount");
        refused(orders, "amount 3 decimals", send.apply(orderRaw("0.001")), "amount");
        refused(orders, "amount 1e999999999", send.apply(orderRaw("1e999999999")), "amount");
        refused(orders, "amount 1e-999999999", send.apply(orderRaw("1e-999999999")), "amount");
        refused(orders, "amount NaN", send.apply(orderRaw("NaN")), null);
        refused(orders, "amount 2,000 digits", send.apply(orderRaw("9".repeat(2000))), null);
        refused(orders, "amount null", send.apply(orderRaw("null")), "amount");

        String interactions = "POST /api/v1/customers/{id}/interactions";
        String iuri = "/api/v1/customers/" + test.target() + "/interactions";
        Function<String, MockHttpServletRequestBuilder> isend = body -> json(POST, iuri, body);
        ids(interactions, id -> json(POST, "/api/v1/customers/" + id + "/interactions", interaction("\"CALL\"", "null")));
        bodies(interactions, isend);
        refused(interactions, "interactions missing", isend.apply("{}"), "interactions");
        refused(interactions, "type unknown", isend.apply(interaction("\"HACK\"", "null")), "type");
        refused(interactions, "type SQL", isend.apply(interaction("\"' OR 1=1 --\"", "null")), "type");
        refused(interactions, "type a number", isend.apply(interaction("7", "null")), "type");
        refused(interactions, "type lower case", isend.apply(interaction("\"call\"", "null")), "type");
        refused(interactions, "score 11", isend.apply(interaction("\"NPS_SURVEY\"", "11")), "score");
        refused(interactions, "score a word", isend.apply(interaction("\"NPS_SURVEY\"", "\"ten\"")), "score");
        refused(interactions, "NPS without score", isend.apply(interaction("\"NPS_SURVEY\"", "null")), "score");
        refused(interactions, "resolved a word", isend.apply("{\"interactions\":[{\"interactionId\":\"i-x\","
                + "\"date\":\"2024-01-01\",\"type\":\"CALL\",\"resolved\":\"perhaps\"}]}"), "resolved");
        refused(interactions, "date bad", isend.apply("{\"interactions\":[{\"interactionId\":\"i-x\","
                + "\"date\":\"2024-13-01\",\"type\":\"CALL\"}]}"), "date");
        refused(interactions, "interactionId script", isend.apply("{\"interactions\":[{\"interactionId\":"
                + "\"<script>\",\"date\":\"2024-01-01\",\"type\":\"CALL\"}]}"), "interactionId");
    }

    private void decisions() {
        ids("GET /api/v1/customers/{id}/explanation", id -> get("/api/v1/customers/" + id + "/explanation"));
        String history = "GET /api/v1/customers/{id}/decisions";
        ids(history, id -> get("/api/v1/customers/" + id + "/decisions"));
        for (String asOf : List.of("2024-02-30", "yesterday", "' OR 1=1 --", "20240101", "2024-1-1",
                "2024-01-01T00:00:00Z")) {
            refused(history, "asOf " + asOf, get("/api/v1/customers/" + test.target() + "/decisions?asOf=" + asOf),
                    "asOf");
        }
        refused(history, "asOf -999999999-01-01 (no decision then)", get("/api/v1/customers/" + test.target()
                + "/decisions?asOf=-999999999-01-01"), 404, null);
        accepted(history, "asOf +999999999-12-31 (the decision in force)", get("/api/v1/customers/" + test.target()
                + "/decisions?asOf=%2B999999999-12-31"), result -> assertThat(result.getResponse().getContentAsString())
                        .contains("\"customerId\":\"" + test.target() + "\""));
        ids("POST /api/v1/customers/{id}/evaluation", id -> post("/api/v1/customers/" + id + "/evaluation"));
        refused("POST /api/v1/customers/{id}/evaluation", "unknown customer",
                post("/api/v1/customers/NO-SUCH-CUSTOMER/evaluation"), "NO-SUCH-CUSTOMER");
        accepted("GET /api/v1/decisions/summary", "unknown parameters with bad values",
                get("/api/v1/decisions/summary?asOf=' OR 1=1&size=-1"),
                result -> assertThat(result.getResponse().getStatus()).isEqualTo(200));
    }

    private void whatIf() {
        String endpoint = "POST /api/v1/evaluations/what-if";
        Function<String, MockHttpServletRequestBuilder> send = body -> json(POST, "/api/v1/evaluations/what-if", body);
        bodies(endpoint, send);
        refused(endpoint, "ordersLast12m a word", send.apply("{\"ordersLast12m\":\"many\"}"), "ordersLast12m");
        refused(endpoint, "ordersLast12m 1.5e10", send.apply("{\"ordersLast12m\":15000000000}"), "ordersLast12m");
        refused(endpoint, "revenueLast12m a word", send.apply("{\"revenueLast12m\":\"lots\"}"), "revenueLast12m");
        refused(endpoint, "revenueLast12m 1e999999999", send.apply("{\"revenueLast12m\":1e999999999}"),
                "revenueLast12m");
        refused(endpoint, "paretoShare -1e-999999999", send.apply("{\"paretoShare\":-1e-999999999}"), "paretoShare");
        refused(endpoint, "firstOrderDate 2024-13-01", send.apply("{\"firstOrderDate\":\"2024-13-01\"}"),
                "firstOrderDate");
        refused(endpoint, "revenueLast12m 1e-999999999", send.apply("{\"revenueLast12m\":1e-999999999}"),
                "revenueLast12m");
        refused(endpoint, "asOf +999999999-12-31", send.apply("{\"asOf\":\"+999999999-12-31\"}"), "asOf");
        refused(endpoint, "firstOrderDate -999999999-01-01", send.apply("{\"firstOrderDate\":\"-999999999-01-01\"}"),
                "firstOrderDate");
        refused(endpoint, "currentTier an object", send.apply("{\"currentTier\":{\"tier\":\"A\"}}"), "currentTier");
        accepted(endpoint, "SQL- and script-looking names", send.apply("{\"name\":\"' OR 1=1 --<script>\","
                + "\"ordersLast12m\":3}"), result -> assertThat(result.getResponse().getContentAsString()).contains("tier"));
    }

    private void overrides() {
        String endpoint = "PUT /api/v1/customers/{id}/override";
        String uri = "/api/v1/customers/" + test.target() + "/override";
        Function<String, MockHttpServletRequestBuilder> send = body -> json(PUT, uri, body).with(ops());
        ids(endpoint, id -> json(PUT, "/api/v1/customers/" + id + "/override", override("A", "PIN", "ok",
                "2099-01-01T00:00:00Z")).with(ops()));
        bodies(endpoint, send);
        String soon = java.time.Instant.now().plusSeconds(86_400).toString();
        refused(endpoint, "tier E", send.apply(override("E", "PIN", "ok", soon)), "tier");
        refused(endpoint, "tier SQL", send.apply(override("' OR 1=1 --", "PIN", "ok", soon)), "tier");
        refused(endpoint, "kind unknown", send.apply(override("A", "FOREVER", "ok", soon)), "kind");
        refused(endpoint, "FLOOR at D", send.apply(override("D", "FLOOR", "ok", soon)), null);
        refused(endpoint, "reason blank", send.apply(override("A", "PIN", " ", soon)), "reason");
        refused(endpoint, "reason 100k", send.apply(override("A", "PIN", huge(), soon)), "reason");
        refused(endpoint, "reason with NUL", send.apply(override("A", "PIN", "ok\\u0000", soon)), "reason");
        refused(endpoint, "expiresAt tomorrow", send.apply(override("A", "PIN", "ok", "tomorrow")), "expiresAt");
        refused(endpoint, "expiresAt a date only", send.apply(override("A", "PIN", "ok", "2030-01-01")), "expiresAt");
        refused(endpoint, "expiresAt in the past", send.apply(override("A", "PIN", "ok", "2001-01-01T00:00:00Z")),
                "expiresAt");
        refused(endpoint, "expiresAt year 1000000000", send.apply(override("A", "PIN", "ok",
                "+1000000000-12-31T23:59:59Z")), "expiresAt");
        refused(endpoint, "expiresAt the largest instant", send.apply(override("A", "PIN", "ok",
                "+999999999-12-31T23:59:59.999999999Z")), "expiresAt");
        refused(endpoint, "expiresAt a number", send.apply("{\"tier\":\"A\",\"kind\":\"PIN\",\"reason\":\"ok\","
                + "\"expiresAt\":1e999999999}"), "expiresAt");
        String end = "DELETE /api/v1/customers/{id}/override";
        ids(end, id -> request(DELETE, URI.create("/api/v1/customers/" + id + "/override")).with(ops()));
        refused(end, "no override in force", request(DELETE, URI.create(uri)).with(ops()), null);
        ids("GET /api/v1/customers/{id}/override", id -> get("/api/v1/customers/" + id + "/override"));
        ids("GET /api/v1/customers/{id}/overrides", id -> get("/api/v1/customers/" + id + "/overrides"));
    }

    private void churnAlerts() {
        String list = "GET /api/v1/churn-alerts?filters";
        for (String query : List.of("status=HACK", "status=' OR 1=1 --", "risk=<script>", "risk=low",
                "trigger=..%2F..", "trigger=" + "T".repeat(41), "owner=" + "o".repeat(101), "overdue=maybe",
                "page=-1", "page=99999999999", "size=0", "size=501", "size=abc")) {
            refused(list, query.length() > 40 ? query.substring(0, 20) + "…" : query, get("/api/v1/churn-alerts?"
                    + query), query.substring(0, query.indexOf('=')));
        }
        accepted(list, "owner SQL", get("/api/v1/churn-alerts?owner=" + encode("' OR 1=1 --")),
                result -> assertThat(result.getResponse().getContentAsString()).isEqualTo("[]"));
        numbers("GET /api/v1/churn-alerts/{id}", id -> get("/api/v1/churn-alerts/" + id));
        String ack = "POST /api/v1/churn-alerts/{id}/acknowledgement";
        String ackUri = "/api/v1/churn-alerts/" + test.alertId() + "/acknowledgement";
        numbers(ack, id -> post("/api/v1/churn-alerts/" + id + "/acknowledgement").with(ops()));
        bodies(ack, body -> json(POST, ackUri, body).with(ops()), false);
        refused(ack, "comment 2,001", json(POST, ackUri, "{\"comment\":\"" + "c".repeat(2001) + "\"}").with(ops()),
                "comment");
        refused(ack, "comment 100k", json(POST, ackUri, "{\"comment\":\"" + huge() + "\"}").with(ops()), "comment");
        refused(ack, "comment an object", json(POST, ackUri, "{\"comment\":{}}").with(ops()), "comment");
        refused(ack, "comment with NUL", json(POST, ackUri, "{\"comment\":\"a\\u0000b\"}").with(ops()), "comment");
        String resolve = "POST /api/v1/churn-alerts/{id}/resolution";
        String resolveUri = "/api/v1/churn-alerts/" + test.alertId() + "/resolution";
        numbers(resolve, id -> json(POST, "/api/v1/churn-alerts/" + id + "/resolution", "{\"comment\":\"done\"}")
                .with(ops()));
        bodies(resolve, body -> json(POST, resolveUri, body).with(ops()));
        refused(resolve, "no body", post(resolveUri).with(ops()), null);
        refused(resolve, "comment missing", json(POST, resolveUri, "{}").with(ops()), "comment");
        refused(resolve, "comment blank", json(POST, resolveUri, "{\"comment\":\"  \"}").with(ops()), "comment");
        refused(resolve, "comment 100k", json(POST, resolveUri, "{\"comment\":\"" + huge() + "\"}").with(ops()),
                "comment");
        refused(resolve, "comment lone surrogate", json(POST, resolveUri, "{\"comment\":\"done \\udfff\"}")
                .with(ops()), "comment");
    }

    private void runs() {
        numbers("GET /api/v1/evaluation-runs/{id}", id -> get("/api/v1/evaluation-runs/" + id));
        String list = "GET /api/v1/evaluation-runs?limit";
        for (String limit : List.of("0", "-1", "201", "abc", "99999999999")) {
            refused(list, "limit=" + limit, get("/api/v1/evaluation-runs?limit=" + limit), "limit");
        }
        refused("POST /api/v1/evaluation-runs", "wrong method PUT", request(PUT, URI.create("/api/v1/evaluation-runs")),
                405, null);
    }

    private void audit() {
        String export = "GET /api/v1/audit/decisions";
        for (String query : List.of("", "from=2024-01-01", "to=2024-01-01", "from=2024-02-30&to=2024-03-01",
                "from=yesterday&to=today", "from=2024-03-01&to=2024-01-01", "from=' OR 1=1 --&to=2024-01-01",
                "from=2024-01-01&to=2024-01-02&format=pdf", "from=2024-01-01&to=2024-01-02&format=csv;DROP",
                "from=2024-01-01&to=2024-01-02&format=xlsx%00")) {
            refused(export, query.isEmpty() ? "no parameters" : query, get("/api/v1/audit/decisions?" + query), null);
        }
        for (String range : List.of("from=-999999999-01-01&to=%2B999999999-12-31", "from=2024-01-01&to=%2B999999999-12-31")) {
            accepted(export, range + " (valid, if far)", get("/api/v1/audit/decisions?" + range),
                    result -> assertThat(result.getResponse().getContentAsString()).startsWith("customerId,"));
        }
    }

    private void rulesetReads() {
        numbers("GET /api/v1/rulesets/{id}", id -> get("/api/v1/rulesets/" + id));
        String file = "GET /api/v1/rulesets/{id}/files/{name}";
        long active = test.activeId();
        for (String name : List.of("..%2F..%2Fetc%2Fpasswd", "..%5C..%5Cwindows%5Cwin.ini", "%2Fetc%2Fpasswd",
                "tiers.xlsx%00.drl", "' OR 1=1 --", "%3Cscript%3E", "x".repeat(300))) {
            refused(file, "name " + label(name), get("/api/v1/rulesets/" + active + "/files/"
                    + (name.contains("%") ? name : encode(name))), null);
        }
        numbers(file, id -> get("/api/v1/rulesets/" + id + "/files/tiers.xlsx"));
        refused(file, "path ../../etc/passwd", get("/api/v1/rulesets/" + active + "/files/../../../etc/passwd"), null);
        String byHash = "GET /api/v1/rulesets/versions/{hash}/files/{name}";
        for (String hash : List.of("abc", "' OR 1=1 --", "..", "A".repeat(64), "0".repeat(65))) {
            refused(byHash, "hash " + label(hash), get("/api/v1/rulesets/versions/" + encode(hash)
                    + "/files/tiers.xlsx"), null);
        }
        refused(byHash, "name ..%2F..%2Fetc%2Fpasswd", get("/api/v1/rulesets/versions/" + test.activeHash()
                + "/files/..%2F..%2Fetc%2Fpasswd"), null);
        String differences = "GET /api/v1/rulesets/{id}/shadow-differences";
        numbers(differences, id -> get("/api/v1/rulesets/" + id + "/shadow-differences"));
        for (String query : List.of("page=-1", "size=0", "size=1001", "size=abc")) {
            refused(differences, query, get("/api/v1/rulesets/" + test.draftId() + "/shadow-differences?" + query),
                    query.substring(0, query.indexOf('=')));
        }
    }

    private void rulesetUploads() {
        String endpoint = "POST /api/v1/rulesets (upload)";
        byte[] tiers = shipped("tiers.xlsx");
        for (String name : List.of("../../etc/passwd.xlsx", "..\\x.xlsx", "/etc/passwd.xlsx", "C:\\rules\\tiers.xlsx",
                "rules/tiers.xlsx", ".xlsx", "tiers.xlsx.exe", "tiers.exe", "tiers\u0000.xlsx", "tiers\u202eslx.exe",
                "x".repeat(300) + ".xlsx", "")) {
            refused(endpoint, "file name " + label(name), upload(name, tiers).with(ops()), null);
        }
        refused(endpoint, "DRL name ..\\x.drl", upload("..\\x.drl", "package x;".getBytes()).with(author()), null);
        refused(endpoint, "not a zip named .xlsx", upload("tiers.xlsx", HostileUploads.notAZip()).with(ops()),
                "tiers.xlsx");
        refused(endpoint, "empty .xlsx", upload("tiers.xlsx", new byte[0]).with(ops()), "tiers.xlsx");
        refused(endpoint, "XML external entity in .xlsx", upload("tiers.xlsx", HostileUploads.externalEntity())
                .with(ops()), "tiers.xlsx");
        refused(endpoint, "entity expansion (billion laughs) in .xlsx", upload("tiers.xlsx",
                HostileUploads.entityExpansion()).with(ops()), "tiers.xlsx");
        refused(endpoint, "zip bomb .xlsx (128 MB of spaces)", upload("tiers.xlsx", HostileUploads.zipBomb())
                .with(ops()), "tiers.xlsx");
        refused(endpoint, "file over 5 MB", upload("tiers.xlsx", new byte[5 * 1024 * 1024 + 1]).with(ops()), null);
        var many = multipart("/api/v1/rulesets");
        IntStream.range(0, 21).forEach(i -> many.file(new MockMultipartFile("files", "t" + i + ".csv",
                "text/csv", "x".getBytes())));
        refused(endpoint, "21 files", many.with(ops()), "20");
        refused(endpoint, "no files part", multipart("/api/v1/rulesets").param("comment", "x").with(ops()), "files");
        refused(endpoint, "comment 100k", upload("tiers.xlsx", tiers).param("comment", huge()).with(ops()), "comment");
        refused(endpoint, "test file ../x.csv", upload("tiers.xlsx", tiers).file(new MockMultipartFile("tests",
                "../x.csv", "text/csv", "a,b".getBytes())).with(ops()), null);
        refused(endpoint, "JSON instead of multipart", json(POST, "/api/v1/rulesets", "{\"files\":[]}").with(ops()),
                null);
        refused(endpoint, "formula in a rule cell", upload("tiers.xlsx", com.acme.tiering.support.Workbooks.withCell(
                tiers, null, 12, 6, "=HYPERLINK(\"http://evil.example\")")).with(ops()), "tiers.xlsx");
    }

    private void rulesetChanges() {
        for (String action : List.of("simulation", "approval", "publish", "activate", "shadow")) {
            String endpoint = "POST /api/v1/rulesets/{id}/" + action;
            numbers(endpoint, id -> post("/api/v1/rulesets/" + id + "/" + action).with(ops()));
        }
        numbers("DELETE /api/v1/rulesets/{id}/shadow", id -> request(DELETE, URI.create("/api/v1/rulesets/" + id
                + "/shadow")).with(ops()));
        long draft = test.draftId();
        String approval = "POST /api/v1/rulesets/{id}/approval";
        bodies(approval, body -> json(POST, "/api/v1/rulesets/" + draft + "/approval", body).with(ops()), false);
        refused(approval, "reason 100k", json(POST, "/api/v1/rulesets/" + draft + "/approval",
                "{\"reason\":\"" + huge() + "\"}").with(ops()), "reason");
        refused(approval, "reason a number array", json(POST, "/api/v1/rulesets/" + draft + "/approval",
                "{\"reason\":[1,2]}").with(ops()), "reason");
        String publish = "POST /api/v1/rulesets/{id}/publish";
        bodies(publish, body -> json(POST, "/api/v1/rulesets/" + draft + "/publish", body).with(ops()), false);
        refused(publish, "not simulated yet", post("/api/v1/rulesets/" + draft + "/publish").with(ops()), null);
        String activate = "POST /api/v1/rulesets/{id}/activate";
        refused(activate, "reason 100k", json(POST, "/api/v1/rulesets/" + test.activeId() + "/activate",
                "{\"reason\":\"" + huge() + "\"}").with(ops()), "reason");
        refused(activate, "a draft never in force", post("/api/v1/rulesets/" + draft + "/activate").with(ops()), null);
    }

    // ----------------------------------------------------------------------------------------------------------

    /** The attacks on any JSON body: syntax, shape, depth, size and content type. */
    /** API keys, users and the audit log (the test user holds ADMIN and AUDITOR). */
    private void administration() {
        String keys = "POST /api/v1/admin/api-keys";
        bodies(keys, body -> json(POST, "/api/v1/admin/api-keys", body));
        refused(keys, "role ADMIN", json(POST, "/api/v1/admin/api-keys", "{\"name\":\"x\",\"role\":\"ADMIN\"}"),
                "role");
        refused(keys, "role missing", json(POST, "/api/v1/admin/api-keys", "{\"name\":\"x\"}"), "role");
        refused(keys, "name blank", json(POST, "/api/v1/admin/api-keys",
                "{\"name\":\"  \",\"role\":\"SALES_SYSTEM\"}"), "name");
        refused(keys, "name 100k", json(POST, "/api/v1/admin/api-keys",
                "{\"name\":\"" + huge() + "\",\"role\":\"SALES_SYSTEM\"}"), "name");
        refused(keys, "role a number", json(POST, "/api/v1/admin/api-keys", "{\"name\":\"x\",\"role\":7}"), "role");
        numbers("DELETE /api/v1/admin/api-keys/{id}", id -> request(DELETE, URI.create("/api/v1/admin/api-keys/" + id)));
        String users = "POST /api/v1/admin/users";
        bodies(users, body -> json(POST, "/api/v1/admin/users", body));
        String good = "\"password\":\"a long enough secret\",\"roles\":[\"AUDITOR\"]";
        for (String name : List.of("' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "a", "x".repeat(101),
                "n\\u0000ul")) {
            refused(users, "name " + label(name), json(POST, "/api/v1/admin/users", "{\"name\":\"" + name + "\"," + good
                    + "}"), "name");
        }
        refused(users, "password short", json(POST, "/api/v1/admin/users",
                "{\"name\":\"nina\",\"password\":\"short\",\"roles\":[\"AUDITOR\"]}"), "password");
        refused(users, "role SALES_SYSTEM", json(POST, "/api/v1/admin/users",
                "{\"name\":\"nina\",\"password\":\"a long enough secret\",\"roles\":[\"SALES_SYSTEM\"]}"), "roles");
        refused(users, "roles empty", json(POST, "/api/v1/admin/users",
                "{\"name\":\"nina\",\"password\":\"a long enough secret\",\"roles\":[]}"), "roles");
        refused(users, "roles a string", json(POST, "/api/v1/admin/users",
                "{\"name\":\"nina\",\"password\":\"a long enough secret\",\"roles\":\"ADMIN\"}"), "roles");
        ids("DELETE /api/v1/admin/users/{name}", name -> request(DELETE, URI.create("/api/v1/admin/users/" + name)));
        String log = "GET /api/v1/audit/log";
        for (String query : List.of("from=yesterday", "to=2024-02-30", "size=0", "size=501", "page=-1", "size=abc",
                "from=' OR 1=1 --")) {
            refused(log, query, get("/api/v1/audit/log?" + query), null);
        }
    }

    private void bodies(String endpoint, Function<String, MockHttpServletRequestBuilder> send) {
        bodies(endpoint, send, true);
    }

    /** @param required false where no body at all (or null) is a valid request, e.g. an optional comment */
    private void bodies(String endpoint, Function<String, MockHttpServletRequestBuilder> send, boolean required) {
        refused(endpoint, "malformed JSON", send.apply("{\"name\": \"x\","), null);
        refused(endpoint, "truncated string", send.apply("{\"name\": \"x"), null);
        refused(endpoint, "single quotes", send.apply("{'name': 'x'}"), null);
        refused(endpoint, "not JSON but XML", send.apply("<customer><name>x</name></customer>"), null);
        refused(endpoint, "JSON with a comment", send.apply("{/* hi */ \"name\": \"x\"}"), null);
        refused(endpoint, "trailing garbage", send.apply("{\"name\":\"x\"} {\"name\":\"y\"}"), null);
        refused(endpoint, "invalid UTF-8", send.apply("{\"name\":\"x\"}").content(new byte[] { '{', '"', 'n', '"', ':',
                '"', (byte) 0xC3, (byte) 0x28, '"', '}' }), null);
        if (required) {
            refused(endpoint, "empty body", send.apply(""), null);
            refused(endpoint, "literal null", send.apply("null"), null);
        }
        refused(endpoint, "an array where an object is expected", send.apply("[{\"name\":\"x\"}]"), null);
        refused(endpoint, "a string where an object is expected", send.apply("\"x\""), null);
        refused(endpoint, "a number where an object is expected", send.apply("42"), null);
        // An array where an object belongs is refused at its first bracket, before its depth counts.
        refused(endpoint, "arrays nested 10,000 deep", send.apply(deepArrays()), null);
        refused(endpoint, "objects nested 10,000 deep", send.apply(deepObjects()), "nest");
        refused(endpoint, "field nested 10,000 deep", send.apply("{\"name\":" + deepArrays() + "}"), null);
        refused(endpoint, "10 MB body", send.apply(tenMegabytes()), 413, null);
        refused(endpoint, "wrong content type text/plain", send.apply("{}").contentType(MediaType.TEXT_PLAIN), 415, null);
        refused(endpoint, "wrong content type XML", send.apply("<a/>").contentType(MediaType.APPLICATION_XML), 415,
                null);
        refused(endpoint, "form-encoded", send.apply("name=x").contentType(MediaType.APPLICATION_FORM_URLENCODED), 415,
                null);
    }

    private void ids(String endpoint, Function<String, MockHttpServletRequestBuilder> send) {
        HOSTILE_IDS.forEach(id -> refused(endpoint, "id " + label(id), send.apply(id.contains("%") ? id : encode(id)),
                null));
    }

    private void numbers(String endpoint, Function<String, MockHttpServletRequestBuilder> send) {
        HOSTILE_NUMBERS.forEach(id -> refused(endpoint, "id " + id.replace("%20", " "), send.apply(id), null));
    }

    private void refused(String endpoint, String input, RequestBuilder request, String names) {
        refused(endpoint, input, request, null, names);
    }

    private void refused(String endpoint, String input, RequestBuilder request, Integer status,
            String names) {
        probes.add(new Probe(endpoint, input, request, null, status, names, null));
    }

    private void accepted(String endpoint, String input, RequestBuilder request, Accepted verify) {
        probes.add(new Probe(endpoint, input, request, null, null, null, verify));
    }

    private static MockHttpServletRequestBuilder get(String uri) {
        return request(GET, uri(uri));
    }

    private static MockHttpServletRequestBuilder post(String uri) {
        return request(POST, uri(uri));
    }

    /** The URI as a client would send it: characters a URI may not hold percent-encoded, the rest as written. */
    static URI uri(String text) {
        StringBuilder uri = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean plain = c > 0x20 && c < 0x7F && "<>\"{}|\\^`' ".indexOf(c) < 0;
            uri.append(plain ? String.valueOf(c) : String.format("%%%02X", b & 0xFF));
        }
        return URI.create(uri.toString());
    }

    private static String order(String id, String date, String amount) {
        return "{\"orders\":[{\"orderId\":" + jsonString(id) + ",\"orderDate\":\"" + date + "\",\"amount\":" + amount
                + "}]}";
    }

    private static String orderRaw(String amount) {
        return order("o-x", "2024-01-01", amount);
    }

    private static String interaction(String type, String score) {
        return "{\"interactions\":[{\"interactionId\":\"i-x\",\"date\":\"2024-01-01\",\"type\":" + type
                + ",\"score\":" + score + "}]}";
    }

    private static String override(String tier, String kind, String reason, String expiresAt) {
        return "{\"tier\":\"" + tier + "\",\"kind\":\"" + kind + "\",\"reason\":\"" + reason + "\",\"expiresAt\":\""
                + expiresAt + "\"}";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A printable name for an input in the test report. */
    private static String label(String input) {
        String printable = input.codePoints().mapToObj(c -> Character.isISOControl(c) || Character.getType(c)
                == Character.FORMAT || Character.getType(c) == Character.SURROGATE ? String.format("U+%04X", c)
                : Character.toString(c)).collect(Collectors.joining());
        return printable.length() > 40 ? printable.substring(0, 20) + "…(" + input.length() + " chars)" : printable;
    }

    private static byte[] shipped(String name) {
        try {
            return Files.readAllBytes(Path.of("rules", name));
        }
        catch (java.io.IOException missing) {
            throw new java.io.UncheckedIOException(missing);
        }
    }
}
