package com.acme.tiering.api;

import static com.acme.tiering.api.BadInputTests.json;
import static com.acme.tiering.api.BadInputTests.ops;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.acme.tiering.api.BadInputTests.Probe;

/**
 * The bad input of issue 14 item 8, endpoint by endpoint: impossible and unknown what-if facts, JSON values of the
 * wrong kind (a number where a text or an enum belongs, a text where a number belongs), fields an endpoint does not
 * have, encoded slashes in a path (sent to the real server, where Tomcat sees them first) and addresses no route
 * answers. Each is refused with a problem detail naming the field (or 400/404/405 for an address) and writes nothing.
 */
final class StrictInputs {

    private final BadInputTests test;
    private final List<Probe> probes = new ArrayList<>();

    private StrictInputs(BadInputTests test) {
        this.test = test;
    }

    static List<Probe> of(BadInputTests test) {
        StrictInputs inputs = new StrictInputs(test);
        inputs.whatIfFacts();
        inputs.numbersAreNotTexts();
        inputs.unknownFields();
        inputs.addressesWithoutARoute();
        inputs.encodedSlashesOnTheRealServer();
        return inputs.probes;
    }

    private void whatIfFacts() {
        String endpoint = "POST /api/v1/evaluations/what-if";
        Function<String, MockHttpServletRequestBuilder> send = body -> json(POST, "/api/v1/evaluations/what-if", body);
        refused(endpoint, "unknown fact paretoshare (a typo)", send.apply("{\"paretoshare\":0.5,\"ordersLast12m\":8}"),
                field("paretoshare") + "|did you mean 'paretoShare'");
        refused(endpoint, "unknown fact revenue", send.apply("{\"revenue\":5000}"), field("revenue"));
        refused(endpoint, "unknown fact tier", send.apply("{\"tier\":\"A\"}"), field("tier"));
        String[][] outOfRange = {
            { "paretoShare", "5", "between 0 and 1" }, { "paretoShare", "-0.1", "between 0 and 1" },
            { "paretoShare", "1.0000001", "between 0 and 1" }, { "ordersLast12m", "-8", "must not be negative" },
            { "revenueLast12m", "-1000000", "must not be negative" }, { "revenuePrev6m", "-0.01", "negative" },
            { "avgOrderValue12m", "-5", "negative" }, { "avgInterOrderDays", "-3", "negative" },
            { "recencyDays", "-1", "negative" }, { "complaintsLast90d", "-2", "negative" },
            { "openTickets", "-1", "negative" }, { "lastContactDays", "-30", "negative" },
            { "referralsLast12m", "-1", "negative" }, { "employees", "-10", "negative" },
            { "tenureMonths", "-1", "negative" }, { "daysSinceFirstOrder", "-1", "negative" },
            { "revenueGrowthPct", "-100.01", "at least -100" }, { "latestNps", "42", "between 0 and 10" },
            { "latestNps", "-1", "between 0 and 10" }, { "rScore", "0", "between 1 and 5" },
            { "fScore", "6", "between 1 and 5" }, { "mScore", "-3", "between 1 and 5" } };
        for (String[] fact : outOfRange) {
            refused(endpoint, fact[0] + " " + fact[1], send.apply("{\"" + fact[0] + "\":" + fact[1] + "}"),
                    field(fact[0]) + "|" + fact[2]);
        }
        for (String tier : List.of("Z", "a", "E", "", "AA")) {
            refused(endpoint, "currentTier '" + tier + "'", send.apply("{\"currentTier\":\"" + tier + "\"}"),
                    field("currentTier") + "|they know A, B, C, D");
        }
        for (String[] date : new String[][] { { "asOf", "+99999-06-30" }, { "firstOrderDate", "+99999-01-01" },
                { "currentTierSince", "0001-01-01" }, { "downgradePendingSince", "9999-12-31" },
                { "asOf", "1899-12-31" } }) {
            refused(endpoint, date[0] + " " + date[1], send.apply("{\"" + date[0] + "\":\"" + date[1] + "\"}"),
                    field(date[0]) + "|between 1900-01-01 and 2199-12-31");
        }
        refused(endpoint, "firstOrderDate after asOf", send.apply("{\"asOf\":\"2026-01-31\","
                + "\"firstOrderDate\":\"2026-02-01\"}"), field("firstOrderDate") + "|after the evaluation date");
        refused(endpoint, "customerId ../x", send.apply("{\"customerId\":\"../x\"}"), field("customerId"));
        refused(endpoint, "two facts wrong: both named", send.apply("{\"paretoShare\":2,\"latestNps\":11}"),
                field("paretoShare") + "|" + field("latestNps"));
        refused(endpoint, "ordersLast12m 8.7 (a fraction)", send.apply("{\"ordersLast12m\":8.7}"),
                field("ordersLast12m") + "|whole number");
        refused(endpoint, "ordersLast12m \"8\" (a text)", send.apply("{\"ordersLast12m\":\"8\"}"),
                field("ordersLast12m"));
        refused(endpoint, "revenueLast12m \"5000\" (a text)", send.apply("{\"revenueLast12m\":\"5000\"}"),
                field("revenueLast12m"));
        refused(endpoint, "revenueLast12m 200 digits", send.apply("{\"revenueLast12m\":" + "9".repeat(200) + "}"),
                field("revenueLast12m") + "|digits");
        refused(endpoint, "currentTier 1 (a number)", send.apply("{\"currentTier\":1}"), field("currentTier"));
        refused(endpoint, "name 12345 (a number)", send.apply("{\"name\":12345}"), field("name") + "|must be a text");
    }

    /** Numbers where a text or an enum belongs, texts where a number or yes/no belongs. */
    private void numbersAreNotTexts() {
        String customers = "PUT /api/v1/customers/{id}";
        Function<String, MockHttpServletRequestBuilder> customer = body -> json(PUT, "/api/v1/customers/BAD-NEW", body);
        refused(customers, "name 12345", customer.apply("{\"name\":12345}"), field("name") + "|must be a text");
        refused(customers, "name true", customer.apply("{\"name\":true}"), field("name"));
        refused(customers, "industry 42.5", customer.apply("{\"name\":\"x\",\"industry\":42.5}"), field("industry"));
        refused(customers, "employees \"12\"", customer.apply("{\"name\":\"x\",\"employees\":\"12\"}"),
                field("employees"));
        refused(customers, "employees 12.5", customer.apply("{\"name\":\"x\",\"employees\":12.5}"), field("employees"));
        String orders = "POST /api/v1/customers/{id}/orders";
        Function<String, MockHttpServletRequestBuilder> order = line -> json(POST, "/api/v1/customers/"
                + test.target() + "/orders", "{\"orders\":[" + line + "]}");
        refused(orders, "orderId 12345", order.apply("{\"orderId\":12345,\"orderDate\":\"2024-01-01\",\"amount\":1}"),
                field("orders[0].orderId"));
        refused(orders, "amount \"12.50\" (a text)", order.apply("{\"orderId\":\"o-s\",\"orderDate\":\"2024-01-01\","
                + "\"amount\":\"12.50\"}"), field("orders[0].amount"));
        refused(orders, "amount 200 digits", order.apply("{\"orderId\":\"o-s\",\"orderDate\":\"2024-01-01\",\"amount\":"
                + "9".repeat(200) + "}"), field("orders[0].amount") + "|digits");
        refused(orders, "orderDate 20240101 (a number)", order.apply("{\"orderId\":\"o-s\",\"orderDate\":20240101,"
                + "\"amount\":1}"), field("orders[0].orderDate"));
        String interactions = "POST /api/v1/customers/{id}/interactions";
        Function<String, MockHttpServletRequestBuilder> interaction = line -> json(POST, "/api/v1/customers/"
                + test.target() + "/interactions", "{\"interactions\":[{\"interactionId\":\"i-s\",\"date\":"
                + "\"2024-01-01\"," + line + "}]}");
        for (String type : List.of("3", "0", "1.0", "true")) {
            refused(interactions, "type " + type, interaction.apply("\"type\":" + type), field("interactions[0].type"));
        }
        refused(interactions, "type \"3\" (an index as text)", interaction.apply("\"type\":\"3\""),
                field("interactions[0].type"));
        refused(interactions, "resolved 1", interaction.apply("\"type\":\"SUPPORT_TICKET\",\"resolved\":1"),
                field("interactions[0].resolved"));
        refused(interactions, "resolved \"true\"", interaction.apply("\"type\":\"SUPPORT_TICKET\",\"resolved\":\"true\""),
                field("interactions[0].resolved"));
        refused(interactions, "score \"7\"", interaction.apply("\"type\":\"NPS_SURVEY\",\"score\":\"7\""),
                field("interactions[0].score"));
        refused(interactions, "score 7.5", interaction.apply("\"type\":\"NPS_SURVEY\",\"score\":7.5"),
                field("interactions[0].score"));
        String override = "PUT /api/v1/customers/{id}/override";
        Function<String, RequestBuilder> overrideWith = fields -> json(PUT, "/api/v1/customers/" + test.target()
                + "/override", "{" + fields + "}").with(ops());
        String valid = "\"expiresAt\":\"" + java.time.Instant.now().plusSeconds(86_400) + "\"";
        refused(override, "kind 1", overrideWith.apply("\"tier\":\"A\",\"kind\":1,\"reason\":\"ok\"," + valid),
                field("kind"));
        refused(override, "tier 1", overrideWith.apply("\"tier\":1,\"kind\":\"PIN\",\"reason\":\"ok\"," + valid),
                field("tier"));
        refused(override, "reason 42", overrideWith.apply("\"tier\":\"A\",\"kind\":\"PIN\",\"reason\":42," + valid),
                field("reason"));
        String ack = "POST /api/v1/churn-alerts/{id}/acknowledgement";
        String alerts = "/api/v1/churn-alerts/" + test.alertId();
        refused(ack, "comment 42", json(POST, alerts + "/acknowledgement", "{\"comment\":42}").with(ops()),
                field("comment"));
        refused(ack, "comment false", json(POST, alerts + "/acknowledgement", "{\"comment\":false}").with(ops()),
                field("comment"));
        refused("POST /api/v1/churn-alerts/{id}/resolution", "comment 42", json(POST, alerts + "/resolution",
                "{\"comment\":42}").with(ops()), field("comment"));
        refused("POST /api/v1/rulesets/{id}/approval", "reason 42", json(POST, "/api/v1/rulesets/" + test.draftId()
                + "/approval", "{\"reason\":42}").with(ops()), field("reason"));
        refused("POST /api/v1/admin/api-keys", "name 12345", json(POST, "/api/v1/admin/api-keys",
                "{\"name\":12345,\"role\":\"SALES_SYSTEM\"}"), field("name"));
        refused("POST /api/v1/admin/api-keys", "role 0", json(POST, "/api/v1/admin/api-keys",
                "{\"name\":\"x\",\"role\":0}"), field("role"));
        refused("POST /api/v1/admin/users", "roles [1]", json(POST, "/api/v1/admin/users",
                "{\"name\":\"nina\",\"password\":\"a long enough secret\",\"roles\":[1]}"), field("roles[0]"));
        refused("POST /api/v1/admin/users", "password 1234567890123 (a number)", json(POST, "/api/v1/admin/users",
                "{\"name\":\"nina\",\"password\":1234567890123,\"roles\":[\"AUDITOR\"]}"), field("password"));
        refused("POST /api/v1/tiers/lookup", "customerIds [12345]", json(POST, "/api/v1/tiers/lookup",
                "{\"customerIds\":[12345]}"), field("customerIds[0]"));
    }

    private void unknownFields() {
        refused("PUT /api/v1/customers/{id}", "unknown field tier", json(PUT, "/api/v1/customers/" + test.target(),
                "{\"name\":\"Bad Input Target GmbH\",\"tier\":\"A\"}"), field("tier") + "|is not a known field");
        refused("PUT /api/v1/customers/{id}", "unknown field Name (case)", json(PUT, "/api/v1/customers/BAD-NEW",
                "{\"Name\":\"x\"}"), field("Name") + "|did you mean 'name'");
        refused("POST /api/v1/customers/{id}/orders", "unknown field currency", json(POST, "/api/v1/customers/"
                + test.target() + "/orders", "{\"orders\":[{\"orderId\":\"o-s\",\"orderDate\":\"2024-01-01\","
                + "\"amount\":1,\"currency\":\"EUR\"}]}"), field("orders[0].currency"));
        refused("POST /api/v1/customers/{id}/interactions", "unknown field note", json(POST, "/api/v1/customers/"
                + test.target() + "/interactions", "{\"interactions\":[{\"interactionId\":\"i-s\",\"date\":"
                + "\"2024-01-01\",\"type\":\"CALL\",\"note\":\"x\"}]}"), field("interactions[0].note"));
        refused("PUT /api/v1/customers/{id}/override", "unknown field until", json(PUT, "/api/v1/customers/"
                + test.target() + "/override", "{\"tier\":\"A\",\"kind\":\"PIN\",\"reason\":\"ok\",\"until\":"
                + "\"2030-01-01\"}").with(ops()), field("until"));
        refused("POST /api/v1/churn-alerts/{id}/acknowledgement", "unknown field status", json(POST,
                "/api/v1/churn-alerts/" + test.alertId() + "/acknowledgement", "{\"status\":\"RESOLVED\"}").with(ops()),
                field("status"));
        refused("POST /api/v1/rulesets/{id}/approval", "unknown field approvedBy", json(POST, "/api/v1/rulesets/"
                + test.draftId() + "/approval", "{\"approvedBy\":\"someone else\"}").with(ops()), field("approvedBy"));
        refused("POST /api/v1/tiers/lookup", "unknown field ids", json(POST, "/api/v1/tiers/lookup",
                "{\"customerIds\":[\"BAD-1\"],\"ids\":[]}"), field("ids"));
        refused("POST /api/v1/admin/api-keys", "unknown field secret", json(POST, "/api/v1/admin/api-keys",
                "{\"name\":\"x\",\"role\":\"SALES_SYSTEM\",\"secret\":\"tk_mine\"}"), field("secret"));
    }

    /** Addresses (or methods) that no controller answers: 404 or 405, never 403, for any role. */
    private void addressesWithoutARoute() {
        String endpoint = "addresses without a route";
        refused(endpoint, "POST /api/v1/customers/{id}/unknown", json(POST, "/api/v1/customers/" + test.target()
                + "/unknown", "{}").with(ops()), 404, "/api/v1/customers/" + test.target() + "/unknown");
        refused(endpoint, "POST /api/v1/evaluations", json(POST, "/api/v1/evaluations", "{}"), 404, null);
        refused(endpoint, "GET /api/v1/nothing as a sales system", request(GET, "/api/v1/nothing")
                .with(user("sally").roles("SALES_SYSTEM")), 404, null);
        refused(endpoint, "GET /api/v1/admin/nothing as an operations manager", request(GET, "/api/v1/admin/nothing")
                .with(ops()), 404, null);
        refused(endpoint, "PATCH /api/v1/customers/{id}", json(PATCH, "/api/v1/customers/" + test.target(),
                "{\"name\":\"x\"}").with(ops()), 405, null);
        refused(endpoint, "DELETE /api/v1/customers/{id}/tier", request(DELETE, "/api/v1/customers/" + test.target()
                + "/tier").with(user("sally").roles("SALES_SYSTEM")), 405, null);
        refused(endpoint, "PUT /api/v1/evaluations/what-if", json(PUT, "/api/v1/evaluations/what-if", "{}"), 405, null);
        refused(endpoint, "DELETE /api/v1/churn-alerts/{id}", request(DELETE, "/api/v1/churn-alerts/"
                + test.alertId()).with(ops()), 405, null);
        refused(endpoint, "POST /api/v1/nothing without credentials", json(POST, "/api/v1/nothing", "{}")
                .with(anonymous()), 401, null);
    }

    /** Tomcat refuses %2F before the service sees it unless told otherwise, so these go to the real server. */
    private void encodedSlashesOnTheRealServer() {
        String endpoint = "encoded slashes (real server)";
        String target = test.target();
        for (String[] call : new String[][] { { "PUT", "/api/v1/customers/a%2Fb", "{\"name\":\"x\"}" },
                { "POST", "/api/v1/customers/a%2Fb/orders", "{\"orders\":[]}" },
                { "POST", "/api/v1/customers/..%2F" + target + "/interactions", "{\"interactions\":[]}" },
                { "PUT", "/api/v1/customers/" + target + "%2F..%2F" + target + "/override", "{}" },
                { "POST", "/api/v1/churn-alerts/1%2F2/acknowledgement", "{}" },
                { "POST", "/api/v1/evaluations%2Fwhat-if", "{}" },
                { "GET", "/api/v1/customers/a%2Fb/tier", null },
                { "GET", "/api/v1/rulesets/" + test.activeId() + "/files/..%2F..%2Fetc%2Fpasswd", null },
                { "PUT", "/api/v1/customers/a%5Cb", "{\"name\":\"x\"}" },
                { "GET", "/api/v1/customers/%2e%2e/tier", null } }) {
            refused(endpoint, call[0] + " " + call[1], http(call[0], call[1], call[2]), 400, "Request rejected");
        }
        refused(endpoint, "POST /api/v1/nothing (no route)", http("POST", "/api/v1/nothing", "{}"), 404, null);
        refused(endpoint, "DELETE /api/v1/customers/{id}/tier (wrong method)", http("DELETE", "/api/v1/customers/"
                + target + "/tier", null), 405, null);
    }

    // ----------------------------------------------------------------------------------------------------------

    /** The errors list of a problem detail names this field exactly. */
    private static String field(String name) {
        return "\"field\":\"" + name + "\"";
    }

    private HttpRequest http(String method, String path, String body) {
        String basic = Base64.getEncoder().encodeToString("ops:ops-demo".getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + test.port() + path))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static MockHttpServletRequestBuilder request(HttpMethod method, String uri) {
        return MockMvcRequestBuilders.request(method, URI.create(uri));
    }

    private void refused(String endpoint, String input, RequestBuilder request, String names) {
        refused(endpoint, input, request, 400, names);
    }

    private void refused(String endpoint, String input, RequestBuilder request, Integer status, String names) {
        probes.add(new Probe(endpoint, input, request, null, status, names, null));
    }

    private void refused(String endpoint, String input, HttpRequest request, Integer status, String names) {
        probes.add(new Probe(endpoint, input, null, request, status, names, null));
    }
}
