package com.acme.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;
import static com.acme.tiering.support.TestData.order;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.decision.TierLookup;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TieringApi;

import tools.jackson.databind.json.JsonMapper;

/**
 * The whole loop through the HTTP API: ingest, evaluate, record, look up, explain, run.
 * Runs on H2 and on a real MySQL-protocol server through the subclasses.
 */
@ServiceTest
abstract class TieringFlowContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    DecisionQueries decisions;

    @Autowired
    JsonMapper json;

    @Autowired
    TieringApi api;

    LocalDate today;

    @BeforeEach
    void emptyDatabase() {
        today = api.emptyDatabase();
    }

    @Test
    void liftingACustomerOverATierThresholdChangesItsTierAndAddsExactlyOneHistoryRow() throws Exception {
        api.customer("FLOW-1").name("Flow Components Ltd").create();
        api.orders("FLOW-1", order("o-1", today.minusDays(500), "10000.00"),
                order("o-2", today.minusDays(40), "8000.00"));

        api.evaluate("FLOW-1").andExpect(jsonPath("$.tier").value("C"));
        assertThat(historyRows("FLOW-1")).isEqualTo(1);

        // revenueLast12m 20,000 >= 20,000 and growth 100% >= 50%: "Key: fast-growing account"
        api.orders("FLOW-1", order("o-3", today.minusDays(10), "12000.00"));
        api.evaluate("FLOW-1").andExpect(jsonPath("$.tier").value("B"))
                .andExpect(jsonPath("$.servicePlan.code").value("KEY"));
        assertThat(historyRows("FLOW-1")).isEqualTo(2);

        api.evaluate("FLOW-1").andExpect(jsonPath("$.tier").value("B"));
        assertThat(historyRows("FLOW-1")).isEqualTo(2);

        mvc.perform(get("/api/v1/audit/verification")).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(2)).andExpect(jsonPath("$.broken").isEmpty());
        mvc.perform(get("/api/v1/customers/FLOW-1/tier")).andExpect(status().isOk())
                .andExpect(jsonPath("$.tier").value("B")).andExpect(jsonPath("$.tierName").value("Key"))
                .andExpect(jsonPath("$.servicePlan.entitlements.responseSlaHours").value(8))
                .andExpect(jsonPath("$.rulesetVersion").isNotEmpty());
    }

    @Test
    void explanationNamesTheDecisionTableRowBySheetAndRow() throws Exception {
        api.customer("FLOW-2").name("Explained GmbH").create();
        api.orders("FLOW-2", order("o-1", today.minusDays(30), "500.00"));
        api.evaluate("FLOW-2");

        mvc.perform(get("/api/v1/customers/FLOW-2/explanation")).andExpect(status().isOk())
                .andExpect(jsonPath("$.explanation.firedRules[*].source",
                        hasItem(containsString("tiers.xlsx › Tiers › row "))))
                .andExpect(jsonPath("$.explanation.summary").isNotEmpty())
                .andExpect(jsonPath("$.facts.revenueLast12m").value(500.0));
    }

    @Test
    void theSpreadsheetThatDecidedCanBeDownloadedByTheDecisionsRulesetVersion() throws Exception {
        api.customer("FLOW-5").name("Audited Ltd").create();
        String version = com.jayway.jsonpath.JsonPath.read(api.evaluate("FLOW-5").andReturn().getResponse()
                .getContentAsString(), "$.rulesetVersion");

        byte[] downloaded = mvc.perform(get("/api/v1/rulesets/versions/" + version + "/files/tiers.xlsx"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("rules/tiers.xlsx")));
        mvc.perform(get("/api/v1/rulesets/versions/" + version + "/files/nothing.xlsx")).andExpect(status().isNotFound());
    }

    @Test
    void theAuditExportNeutralisesFormulasFromCustomerText() throws Exception {
        api.customer("EVIL-1").name("=HYPERLINK(\"http://evil.example\";\"x\")").create();
        api.orders("EVIL-1", order("o-1", today.minusDays(3), "10.00"));
        api.evaluate("EVIL-1");
        String range = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);

        var csv = mvc.perform(get("/api/v1/audit/decisions?" + range + "&format=csv"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
                .andReturn();
        String text = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(csv))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(text.lines().skip(1)).singleElement().satisfies(line -> {
            assertThat(line).startsWith("EVIL-1,\"'=HYPERLINK(");
            assertThat(line).contains(",C,ONBOARDING,NEW,");
        });

        var xlsx = mvc.perform(get("/api/v1/audit/decisions?" + range + "&format=xlsx")).andReturn();
        byte[] workbook = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .asyncDispatch(xlsx)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
            var row = book.getSheetAt(0).getRow(1);
            assertThat(row.getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(row.getCell(1).getStringCellValue()).startsWith("'=HYPERLINK(");
        }
        mvc.perform(get("/api/v1/audit/decisions?from=" + today + "&to=" + today.minusDays(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("to")));
    }

    @Test
    void bulkLookupAnswersAThousandIdsInOneResponseAndListsUnknownOnes() throws Exception {
        api.customer("FLOW-3").name("Bulk Buyer Inc").create();
        api.orders("FLOW-3", order("o-1", today.minusDays(3), "100.00"));
        api.evaluate("FLOW-3");
        api.customer("FLOW-4").name("Not Yet Evaluated").create();
        List<String> ids = new ArrayList<>(List.of("FLOW-3", "FLOW-4"));
        IntStream.range(0, 998).forEach(i -> ids.add("NOBODY-" + i));

        mvc.perform(post("/api/v1/tiers/lookup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerIds\":[" + ids.stream().map(id -> "\"" + id + "\"")
                        .collect(Collectors.joining(",")) + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions.length()").value(1))
                .andExpect(jsonPath("$.decisions[0].customerId").value("FLOW-3"))
                .andExpect(jsonPath("$.notEvaluatedCustomerIds[0]").value("FLOW-4"))
                .andExpect(jsonPath("$.unknownCustomerIds.length()").value(998));
    }

    /**
     * Lookups read the lookup's own JSON column (V16), not the whole decision; rows recorded before V16 have none
     * and answer from the decision. Both answers must be, byte for byte, the decision's lookup as the API wrote it.
     */
    @Test
    void aLookupAnswersFromItsOwnColumnExactlyWhatTheWholeDecisionSays() throws Exception {
        api.customer("FLOW-6").name("Same Answer AG").create();
        api.orders("FLOW-6", order("o-1", today.minusDays(500), "10000.00"),
                order("o-2", today.minusDays(40), "8000.00"));
        api.evaluate("FLOW-6");
        mvc.perform(put("/api/v1/customers/FLOW-6/override").contentType(MediaType.APPLICATION_JSON)
                .content("{\"tier\":\"A\",\"kind\":\"PIN\",\"reason\":\"Board \\\"yes\\\" é€\","
                        + "\"expiresAt\":\"" + clock.instant().plus(java.time.Duration.ofDays(30)) + "\"}"))
                .andExpect(status().isOk());
        String expected = json.writeValueAsString(TierLookup.of(decisions.currentOrThrow("FLOW-6")));
        assertThat(expected).contains("\"manualOverride\":{").contains("\"churnSignals\":[");

        assertThat(lookupBodies("FLOW-6")).containsExactly(expected, bulkBody(expected));
        jdbc.update("UPDATE current_decision SET lookup_json = NULL WHERE customer_id = 'FLOW-6'");
        assertThat(lookupBodies("FLOW-6")).containsExactly(expected, bulkBody(expected));
    }

    private List<String> lookupBodies(String customerId) throws Exception {
        String single = mvc.perform(get("/api/v1/customers/" + customerId + "/tier")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String bulk = mvc.perform(post("/api/v1/tiers/lookup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerIds\":[\"" + customerId + "\"]}")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return List.of(single, bulk);
    }

    private static String bulkBody(String lookup) {
        return "{\"decisions\":[" + lookup + "],\"unknownCustomerIds\":[],\"notEvaluatedCustomerIds\":[]}";
    }

    @Test
    void whatIfEvaluatesTheGivenFactsAndRecordsNothing() throws Exception {
        mvc.perform(post("/api/v1/evaluations/what-if").contentType(MediaType.APPLICATION_JSON)
                .content("{\"paretoShare\":0.5,\"ordersLast12m\":8,\"recencyDays\":12,"
                        + "\"firstOrderDate\":\"2023-01-01\",\"latestNps\":4}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tier").value("A"))
                .andExpect(jsonPath("$.lifecycleStage").value("ACTIVE"))
                .andExpect(jsonPath("$.churnSignals[0].triggerId").value("DETRACTOR"))
                .andExpect(jsonPath("$.servicePlan.code").value("STRATEGIC"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM current_decision", Integer.class)).isZero();
    }

    @Test
    void lookupOfAnUnknownCustomerIsAProblemNotAnError() throws Exception {
        mvc.perform(get("/api/v1/customers/NOBODY/tier")).andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.detail", containsString("NOBODY")));
    }

    @Test
    void aFullRunEvaluatesEveryCustomerAndReportsProgress() throws Exception {
        for (int i = 1; i <= 12; i++) {
            String id = "RUN-" + i;
            api.customer(id).name("Run Customer " + i).create();
            api.orders(id, order("o-" + i, today.minusDays(i * 20L), i * 1000 + ".00"));
        }
        api.customer("RUN-PROSPECT").name("Prospect Without Orders").create();

        String location = mvc.perform(post("/api/v1/evaluation-runs")).andExpect(status().isAccepted())
                .andReturn().getResponse().getHeader("Location");
        api.awaitRunEnded(location);

        mvc.perform(get(location)).andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.processed").value(13)).andExpect(jsonPath("$.total").value(13));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM current_decision", Integer.class)).isEqualTo(13);
        mvc.perform(get("/api/v1/customers/RUN-3/explanation"))
                .andExpect(jsonPath("$.population.runId").value(Integer.parseInt(location.substring(location.lastIndexOf('/') + 1))))
                .andExpect(jsonPath("$.population.buyers").value(12))
                .andExpect(jsonPath("$.population.customers").value(13))
                .andExpect(jsonPath("$.population.monetaryCutoffs.length()").value(4));
        mvc.perform(get("/api/v1/customers/RUN-PROSPECT/tier")).andExpect(jsonPath("$.tier").value("D"))
                .andExpect(jsonPath("$.lifecycleStage").value("PROSPECT"));
        mvc.perform(get("/api/v1/decisions/summary")).andExpect(jsonPath("$.decided").value(13));
    }

    private int historyRows(String customerId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM decision_history WHERE customer_id = ?", Integer.class,
                customerId);
    }
}
