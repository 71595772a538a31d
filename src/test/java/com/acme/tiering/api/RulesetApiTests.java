package com.acme.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.context.ActiveProfiles;

import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.support.Approval;
import com.acme.tiering.support.Workbooks;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestProfiles;
import com.acme.tiering.support.TieringApi;

import tools.jackson.databind.json.JsonMapper;

/** Ruleset changes over HTTP: authenticated, checked to the cell, and reversible. */
@ServiceTest
@ActiveProfiles(TestProfiles.NO_RUN_AFTER_ACTIVATION)
class RulesetApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ActiveRuleset active;

    @Autowired
    JsonMapper json;

    @Autowired
    TieringApi api;

    private ResultActions upload(String user, String name, byte[] content) throws Exception {
        return api.upload(user == null ? anonymous() : httpBasic(user, user + "-demo"), name, content, "test upload");
    }

    @Test
    void nobodyUnauthenticatedChangesRules() throws Exception {
        upload(null, "tiers.xlsx", tiers(10, 1, "x")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/rulesets/1/activate").with(httpBasic("ops", "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void codeInACellIsRefusedNamingTheCellAndNothingGoesInForce() throws Exception {
        String before = active.current().version();

        upload("ops", "tiers.xlsx", tiers(12, 6, "System.exit(0)")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.findings[0].file").value("tiers.xlsx"))
                .andExpect(jsonPath("$.findings[0].sheet").value("Tiers"))
                .andExpect(jsonPath("$.findings[0].cell").value("G13"));
        assertThat(active.current().version()).isEqualTo(before);
    }

    @Test
    void dangerousDrlFromARuleAuthorIsRefusedNamingTheLine() throws Exception {
        upload("author", "lifecycle.drl", ("package com.acme.tiering.rules;\nimport java.io.File;\n")
                .getBytes(StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.findings[0].file").value("lifecycle.drl"))
                .andExpect(jsonPath("$.findings[0].line").value(2));
    }

    @Test
    void unfitFilesAreRefusedBeforeTheyAreRead() throws Exception {
        upload("ops", "../../tiers.xlsx", tiers(10, 1, "x")).andExpect(status().isBadRequest());
        upload("ops", "tiers.xlsx", new byte[5 * 1024 * 1024 + 1]).andExpect(status().isContentTooLarge());
    }

    @Test
    void uploadSimulatePublishAndRollBack() throws Exception {
        String before = active.current().version();
        byte[] reworded = tiers(10, 1, "Strategic: the top 70%, buying monthly");
        String created = upload("ops", "tiers.xlsx", reworded)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(post(created + "/publish").with(httpBasic("ops", "ops-demo"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.reasons[0]", containsString("not been simulated")));

        mvc.perform(post(created + "/simulation").with(httpBasic("ops", "ops-demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.tierMigration").exists());
        mvc.perform(get(created)).andExpect(jsonPath("$.version.simulation.tierMigration").exists());
        Approval.approve(mvc, created);
        mvc.perform(post(created + "/publish").with(httpBasic("ops", "ops-demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"clearer wording\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        assertThat(active.current().version()).isNotEqualTo(before);

        activateAgain(before);
        assertThat(active.current().version()).isEqualTo(before);
        mvc.perform(get(created)).andExpect(jsonPath("$.events[2].action").value("PUBLISHED"))
                .andExpect(jsonPath("$.events[2].reason").value("clearer wording"));
        mvc.perform(get(created + "/files/tiers.xlsx")).andExpect(status().isOk())
                .andExpect(content().bytes(reworded));
    }

    @Test
    void aDraftRunsInTheShadowOnlyForAuthenticatedManagers() throws Exception {
        String created = upload("ops", "tiers.xlsx", tiers(10, 1, "Strategic, shadowed")).andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("Location");

        mvc.perform(post(created + "/shadow").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous())).andExpect(status().isUnauthorized());
        mvc.perform(post(created + "/shadow").with(httpBasic("ops", "ops-demo"))).andExpect(status().isNoContent());
        mvc.perform(get(created + "/shadow-differences")).andExpect(status().isOk()).andExpect(jsonPath("$").isArray());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(created + "/shadow")
                .with(httpBasic("ops", "ops-demo"))).andExpect(status().isNoContent());
        mvc.perform(get(created)).andExpect(jsonPath("$.events[*].action",
                org.hamcrest.Matchers.contains("UPLOADED", "SHADOWED", "SHADOW_STOPPED")));
    }

    /** Puts the version with this content back in force, as an operations manager rolling back would. */
    private void activateAgain(String contentHash) throws Exception {
        long id = json.readTree(mvc.perform(get("/api/v1/rulesets")).andReturn().getResponse().getContentAsString())
                .valueStream().filter(v -> v.get("contentHash").asString().equals(contentHash))
                .filter(v -> !v.get("status").asString().equals("DRAFT")).findFirst().orElseThrow().get("id").asLong();
        mvc.perform(post("/api/v1/rulesets/" + id + "/activate").with(httpBasic("reviewer", "reviewer-demo")))
                .andExpect(status().isOk());
    }

    @Test
    void aThresholdChangeIsPublishedWithItsUpdatedScenarios() throws Exception {
        String before = active.current().version();
        byte[] strategicHalf = tiers(10, 2, 0.5);
        upload("ops", "tiers.xlsx", strategicHalf).andExpect(status().isCreated())
                .andExpect(jsonPath("$.failingTests[0].file").value("tiers.csv"))
                .andExpect(jsonPath("$.failingTests[0].line").value(3))
                .andExpect(jsonPath("$.failingTests[0].message", containsString("expected tier A but was B")));

        String updatedTests = java.nio.file.Files.readString(java.nio.file.Path.of("rule-tests/tiers.csv"))
                .replace("0.70,90000,90000,0,6,A", "0.70,90000,90000,0,6,B");
        String created = mvc.perform(multipart("/api/v1/rulesets")
                .file(new MockMultipartFile("files", "tiers.xlsx", "application/octet-stream", strategicHalf))
                .file(new MockMultipartFile("tests", "tiers.csv", "text/csv", updatedTests.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic("ops", "ops-demo")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.failingTests").isEmpty())
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(post(created + "/simulation").with(httpBasic("ops", "ops-demo"))).andExpect(status().isOk());
        Approval.approve(mvc, created);
        mvc.perform(post(created + "/publish").with(httpBasic("ops", "ops-demo"))).andExpect(status().isOk());

        mvc.perform(post("/api/v1/evaluations/what-if").content("{\"paretoShare\":0.6,\"ordersLast12m\":8}")
                .contentType(MediaType.APPLICATION_JSON)).andExpect(jsonPath("$.tier").value("B"))
                .andExpect(jsonPath("$.rulesetVersion").value(active.current().version()));

        activateAgain(before);
        mvc.perform(post("/api/v1/evaluations/what-if").content("{\"paretoShare\":0.6,\"ordersLast12m\":8}")
                .contentType(MediaType.APPLICATION_JSON)).andExpect(jsonPath("$.tier").value("A"));
    }

    /** The tiers.xlsx in force with one cell (0-based row and column) replaced. */
    private byte[] tiers(int row, int column, Object value) {
        byte[] inForce = active.current().files().stream().filter(f -> f.name().equals("tiers.xlsx")).findFirst()
                .orElseThrow().content();
        return Workbooks.withCell(inForce, "Tiers", row, column, value);
    }
}
