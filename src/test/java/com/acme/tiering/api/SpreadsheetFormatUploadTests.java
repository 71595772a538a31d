package com.acme.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.support.DemoRun;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestProfiles;
import com.acme.tiering.support.Workbooks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tier table in force, saved as Excel 97 (.xls) the way LibreOffice or an older Excel saves it, and uploaded:
 * it takes the place of tiers.xlsx, and on the evaluated demo customers it changes no one's decision.
 */
@ServiceTest
@ActiveProfiles(TestProfiles.DEMO) // the demo context's 2,000 customers; the class only drafts and simulates
class SpreadsheetFormatUploadTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ActiveRuleset active;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    DecisionQueries decisions;

    @Autowired
    JsonMapper json;

    @Test
    void theTierTableSavedAsXlsReplacesTheXlsxWithoutFindingsAndItsSimulationMovesNobody() throws Exception {
        DemoRun.awaitCompleted(runs);
        byte[] xls = Workbooks.asXls(active.current().files().stream().filter(f -> f.name().equals("tiers.xlsx"))
                .findFirst().orElseThrow().content());

        String created = mvc.perform(multipart("/api/v1/rulesets")
                .file(new MockMultipartFile("files", "tiers.xls", "application/vnd.ms-excel", xls))
                .param("comment", "saved from LibreOffice").with(httpBasic("ops", "ops-demo")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.findings").isEmpty()).andExpect(jsonPath("$.failingTests").isEmpty())
                .andReturn().getResponse().getHeader("Location");
        JsonNode files = read(mvc.perform(get(created)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).get("files");
        assertThat(files.valueStream().map(JsonNode::asString)).contains("tiers.xls").doesNotContain("tiers.xlsx");

        JsonNode report = read(mvc.perform(post(created + "/simulation").with(httpBasic("ops", "ops-demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(report.get("customers").asInt()).isEqualTo(2000);
        Map<String, Long> tiers = decisions.summary().byTier();
        assertThat(tiers).containsOnlyKeys("A", "B", "C", "D");
        tiers.forEach((tier, customers) -> assertThat(report.get("tierMigration").get(tier).properties())
                .as("customers of tier %s after the upload", tier).singleElement().satisfies(to -> {
                    assertThat(to.getKey()).isEqualTo(tier);
                    assertThat(to.getValue().asLong()).isEqualTo(customers);
                }));
        assertThat(report.get("examples").isEmpty()).isTrue();
        assertThat(report.get("planChanges").isEmpty()).isTrue();
        assertThat(report.get("alertsOpening").isEmpty()).isTrue();
        assertThat(report.get("alertsClosing").isEmpty()).isTrue();
    }

    private JsonNode read(String body) {
        return json.readTree(body);
    }
}
