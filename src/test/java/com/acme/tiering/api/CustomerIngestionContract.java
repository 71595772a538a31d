package com.acme.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TieringApi;

/** Ingestion through the API: what is accepted, what is refused and that a refusal writes nothing. */
@ServiceTest
abstract class CustomerIngestionContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TieringApi api;

    String today;

    @BeforeEach
    void oneCustomer() throws Exception {
        today = api.emptyDatabase().toString();
        put("/api/v1/customers/ACME-1", "{\"name\":\"Acme Tools\",\"accountOwner\":\"Kim Rep\"}")
                .andExpect(status().isCreated());
    }

    @Test
    void createsThenUpdatesACustomer() throws Exception {
        put("/api/v1/customers/ACME-1", "{\"name\":\"Acme Tools Ltd\",\"employees\":120}").andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Acme Tools Ltd")).andExpect(jsonPath("$.employees").value(120));
        assertThat(count("customer")).isEqualTo(1);
    }

    @Test
    void ordersAreIdempotentByOrderId() throws Exception {
        String body = "{\"orders\":[{\"orderId\":\"O-1\",\"orderDate\":\"" + today + "\",\"amount\":120.50}]}";
        post("/api/v1/customers/ACME-1/orders", body).andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded[0]").value("O-1"));
        post("/api/v1/customers/ACME-1/orders", body).andExpect(status().isOk())
                .andExpect(jsonPath("$.alreadyRecorded[0]").value("O-1"));

        assertThat(count("customer_order")).isEqualTo(1);
    }

    @Test
    void aReusedOrderIdWithOtherDataIsAConflictNamingTheOrder() throws Exception {
        post("/api/v1/customers/ACME-1/orders", "{\"orders\":[{\"orderId\":\"O-1\",\"orderDate\":\"" + today
                + "\",\"amount\":1}]}").andExpect(status().isOk());

        post("/api/v1/customers/ACME-1/orders", "{\"orders\":[{\"orderId\":\"O-1\",\"orderDate\":\"" + today
                + "\",\"amount\":2}]}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("orders[0].orderId"));
    }

    @Test
    void aNegativeAmountIsRefusedByFieldAndNothingOfTheBatchIsWritten() throws Exception {
        refused(post("/api/v1/customers/ACME-1/orders", "{\"orders\":[{\"orderId\":\"O-1\",\"orderDate\":\"" + today
                + "\",\"amount\":10},{\"orderId\":\"O-2\",\"orderDate\":\"" + today + "\",\"amount\":-5}]}"),
                "orders[1].amount");
        assertThat(count("customer_order")).isZero();
    }

    @Test
    void badDatesAreRefusedByField() throws Exception {
        refused(post("/api/v1/customers/ACME-1/orders",
                "{\"orders\":[{\"orderId\":\"O-1\",\"orderDate\":\"2026-13-45\",\"amount\":10}]}"), "orders[0].orderDate");
        refused(post("/api/v1/customers/ACME-1/orders",
                "{\"orders\":[{\"orderId\":\"O-1\",\"orderDate\":\"2999-01-01\",\"amount\":10}]}"), "orders[0].orderDate");
        assertThat(count("customer_order")).isZero();
    }

    @Test
    void malformedJsonIsAProblemNotAnError() throws Exception {
        post("/api/v1/customers/ACME-1/orders", "{\"orders\":[{\"orderId\":").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("JSON")));
    }

    @Test
    void overlongAndMalformedIdsAreRefused() throws Exception {
        refused(put("/api/v1/customers/" + "X".repeat(65), "{\"name\":\"Too Long\"}"), "customerId");
        refused(post("/api/v1/customers/ACME-1/orders", "{\"orders\":[{\"orderId\":\"O 1;DROP\",\"orderDate\":\""
                + today + "\",\"amount\":10}]}"), "orders[0].orderId");
        assertThat(count("customer")).isEqualTo(1);
    }

    @Test
    void anUnknownInteractionTypeIsRefusedListingTheAllowedOnes() throws Exception {
        refused(post("/api/v1/customers/ACME-1/interactions", "{\"interactions\":[{\"interactionId\":\"I-1\","
                + "\"date\":\"" + today + "\",\"type\":\"FAX\"}]}"), "interactions[0].type")
                .andExpect(jsonPath("$.detail", containsString("NPS_SURVEY")));
        assertThat(count("interaction")).isZero();
    }

    @Test
    void anNpsSurveyNeedsAScoreFromZeroToTen() throws Exception {
        refused(post("/api/v1/customers/ACME-1/interactions", "{\"interactions\":[{\"interactionId\":\"I-1\","
                + "\"date\":\"" + today + "\",\"type\":\"NPS_SURVEY\"}]}"), "interactions[0].score");
        refused(post("/api/v1/customers/ACME-1/interactions", "{\"interactions\":[{\"interactionId\":\"I-1\","
                + "\"date\":\"" + today + "\",\"type\":\"NPS_SURVEY\",\"score\":11}]}"), "interactions[0].score");
        post("/api/v1/customers/ACME-1/interactions", "{\"interactions\":[{\"interactionId\":\"I-1\","
                + "\"date\":\"" + today + "\",\"type\":\"NPS_SURVEY\",\"score\":3}]}").andExpect(status().isOk());
        assertThat(count("interaction")).isEqualTo(1);
    }

    @Test
    void aResolvedTicketSentAgainUpdatesIt() throws Exception {
        String ticket = "{\"interactions\":[{\"interactionId\":\"T-1\",\"date\":\"" + today
                + "\",\"type\":\"SUPPORT_TICKET\",\"resolved\":%s}]}";
        post("/api/v1/customers/ACME-1/interactions", ticket.formatted("false")).andExpect(status().isOk());
        post("/api/v1/customers/ACME-1/interactions", ticket.formatted("true")).andExpect(status().isOk());

        assertThat(jdbc.queryForObject("SELECT resolved FROM interaction WHERE interaction_id = 'T-1'", Boolean.class))
                .isTrue();
    }

    @Test
    void ordersForAnUnknownCustomerAre404() throws Exception {
        post("/api/v1/customers/NOBODY/orders", "{\"orders\":[{\"orderId\":\"O-1\",\"orderDate\":\"" + today
                + "\",\"amount\":10}]}").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("NOBODY")));
        assertThat(count("customer_order")).isZero();
    }

    @Test
    void aMissingNameIsRefusedByField() throws Exception {
        refused(put("/api/v1/customers/NEW-1", "{\"industry\":\"Retail\"}"), "name");
        assertThat(count("customer")).isEqualTo(1);
    }

    private ResultActions refused(ResultActions result, String field) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString(field)))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("Exception"))));
    }

    private ResultActions put(String path, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions post(String path, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
