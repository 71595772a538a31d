package com.acme.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.context.ActiveProfiles;

import com.acme.tiering.governance.RulesetVersions;
import com.acme.tiering.governance.VersionStatus;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.support.Workbooks;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestProfiles;

/**
 * The rules pages without a browser: who may change what, refusals in words, and nothing written by bad input.
 * With approval required, as it is by default (no test profile switches it off but {@code one-person}).
 */
@ServiceTest
@ActiveProfiles(TestProfiles.NO_RUN_AFTER_ACTIVATION)
class RulesPagesTests {

    private static final RequestPostProcessor OPS = user("ops").roles("OPS_MANAGER");
    private static final RequestPostProcessor REVIEWER = user("reviewer").roles("OPS_MANAGER");
    private static final RequestPostProcessor AUDITOR = user("auditor").roles("AUDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    RulesetVersions versions;

    @Autowired
    ActiveRuleset active;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theListShowsTheVersionInForceAndOffersTheUploadOnlyToThoseWhoMayUpload() throws Exception {
        long inForce = versions.activeVersion().orElseThrow().id();
        mvc.perform(get("/rules").with(OPS)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Rules · Customer Tiering</title>")))
                .andExpect(content().string(containsString("Version " + inForce + "</a> is in force")))
                .andExpect(content().string(containsString("data-dropzone")))
                .andExpect(content().string(not(containsString("id=\"approval-off\""))))
                .andExpect(content().string(containsString("name=\"files\"")));
        mvc.perform(get("/rules").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Version " + inForce)))
                .andExpect(content().string(not(containsString("Upload rule files"))));
    }

    @Test
    void anAuditorIsForbiddenEveryChangeAndSeesNoButtons() throws Exception {
        long draft = draft("Strategic: audited wording");
        int before = versions.all().size();

        mvc.perform(multipart("/rules").file(tiersFile(reworded("by an auditor"))).with(AUDITOR).with(csrf()))
                .andExpect(status().isForbidden());
        for (String change : new String[] { "approval", "publish", "activate", "simulation" }) {
            mvc.perform(post("/rules/" + draft + "/" + change).with(AUDITOR).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(versions.all()).hasSize(before);
        assertThat(versions.events(draft)).extracting(RulesetVersions.Event::action).containsExactly("UPLOADED");
        assertThat(versions.find(draft).orElseThrow().simulation()).isNull();
        mvc.perform(get("/rules/" + draft).with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"approve\""))))
                .andExpect(content().string(not(containsString("id=\"publish\""))))
                .andExpect(content().string(not(containsString("id=\"simulate\""))));
    }

    @Test
    void aReviewerSeesApproveOnSomeoneElsesDraftWhileItsAuthorDoesNot() throws Exception {
        long draft = draft("Strategic: to be reviewed");

        mvc.perform(get("/rules/" + draft).with(REVIEWER)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"approve\"")))
                .andExpect(content().string(containsString("id=\"publish\"")));
        mvc.perform(get("/rules/" + draft).with(OPS)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"approve\""))))
                .andExpect(content().string(containsString("You uploaded this version")));

        mvc.perform(post("/rules/" + draft + "/approval").param("reason", "four eyes").with(REVIEWER).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/rules/" + draft));
        assertThat(versions.events(draft)).extracting(RulesetVersions.Event::action, RulesetVersions.Event::actor)
                .contains(org.assertj.core.groups.Tuple.tuple("APPROVED", "reviewer"));
    }

    @Test
    void theAuthorApprovingTheirOwnDraftIsRefusedInWords() throws Exception {
        long draft = draft("Strategic: self-approved");

        mvc.perform(post("/rules/" + draft + "/approval").with(OPS).with(csrf())).andExpect(status().isConflict())
                .andExpect(content().string(containsString("its author cannot approve it: a second person must")));
        assertThat(versions.events(draft)).extracting(RulesetVersions.Event::action).containsExactly("UPLOADED");
    }

    @Test
    void publishingBeforeSimulatingIsRefusedInWordsAndChangesNothing() throws Exception {
        String inForce = active.current().version();
        long draft = draft("Strategic: not simulated");

        mvc.perform(post("/rules/" + draft + "/publish").with(OPS).with(csrf())).andExpect(status().isConflict())
                .andExpect(content().string(containsString("it has not been simulated")));
        assertThat(active.current().version()).isEqualTo(inForce);
        assertThat(versions.find(draft).orElseThrow().status()).isEqualTo(VersionStatus.DRAFT);
    }

    @Test
    void aDraftIsSimulatedPublishedAndRolledBackFromItsPages() throws Exception {
        long previous = versions.activeVersion().orElseThrow().id();
        long draft = draft("Strategic: published from the page");

        mvc.perform(post("/rules/" + draft + "/simulation").with(OPS).with(csrf())).andExpect(status().isFound())
                .andExpect(redirectedUrl("/rules/" + draft + "/simulation"));
        mvc.perform(get("/rules/" + draft + "/simulation").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"heatmap\"")))
                .andExpect(content().string(containsString("id=\"qualified-migration\"")))
                .andExpect(content().string(containsString("Rows: the tier in force now")))
                .andExpect(content().string(not(containsString("id=\"rollback\""))))
                .andExpect(content().string(not(containsString("id=\"simulate\""))));
        mvc.perform(post("/rules/" + draft + "/publish").with(OPS).with(csrf())).andExpect(status().isConflict())
                .andExpect(content().string(containsString("it needs the approval of a second person")));
        mvc.perform(post("/rules/" + draft + "/approval").with(REVIEWER).with(csrf())).andExpect(status().isFound());
        mvc.perform(post("/rules/" + draft + "/publish").param("reason", "clearer wording").with(OPS).with(csrf()))
                .andExpect(status().isFound());
        assertThat(versions.activeVersion().orElseThrow().id()).isEqualTo(draft);
        mvc.perform(get("/rules/" + draft).with(OPS))
                .andExpect(content().string(containsString("clearer wording")))
                .andExpect(content().string(containsString(">PUBLISHED<")));

        mvc.perform(post("/rules/" + previous + "/simulation").with(OPS).with(csrf())).andExpect(status().isFound());
        mvc.perform(get("/rules/" + previous + "/simulation").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"rollback\"")))
                .andExpect(content().string(containsString("id=\"rolls-back\" href=\"/rules/" + draft + "\"")));
        mvc.perform(post("/rules/" + previous + "/activate").param("reason", "roll back").with(REVIEWER).with(csrf()))
                .andExpect(status().isFound());
        assertThat(versions.activeVersion().orElseThrow().id()).isEqualTo(previous);
        mvc.perform(post("/rules/" + previous + "/activate").param("reason", "x".repeat(1001)).with(OPS).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("reason")));
    }

    @Test
    void aBrokenSpreadsheetIsAnswered422WithTheFindingAndItsRow() throws Exception {
        byte[] broken = Workbooks.withCell(tiersInForce(), "Tiers", 13, 3, "twenty thousand");

        mvc.perform(multipart("/rules").file(tiersFile(broken)).param("comment", "broken").with(OPS).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("was rejected")))
                .andExpect(content().string(containsString("<code>D14</code>")))
                .andExpect(content().string(containsString("&#39;twenty thousand&#39; is not a number")))
                .andExpect(content().string(containsString("Tiers, row 14")))
                .andExpect(content().string(containsString("class=\"offending\"")));
    }

    @Test
    void anUploadWithoutFilesIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        int before = versions.all().size();

        mvc.perform(multipart("/rules").file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
                .param("comment", "nothing chosen").with(OPS).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("files: choose at least one rule file")));
        mvc.perform(multipart("/rules").file(new MockMultipartFile("files", "../tiers.xlsx", "application/octet-stream",
                reworded("escaping"))).with(OPS).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This file name is not accepted")));
        mvc.perform(multipart("/rules").file(tiersFile(reworded("control"))).param("comment", "bell\u0007")
                .with(OPS).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("comment")));
        assertThat(versions.all()).hasSize(before);
    }

    @Test
    void drlFromAnOperationsManagerIsForbiddenAndAuditedAsThroughTheApi() throws Exception {
        int before = versions.all().size();
        long denied = accessDenied();

        mvc.perform(multipart("/rules").file(new MockMultipartFile("files", "lifecycle.drl", "text/plain",
                "package com.acme.tiering.rules;\n".getBytes(StandardCharsets.UTF_8))).with(OPS).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("DRL is code and needs the RULE_AUTHOR role")));
        assertThat(versions.all()).hasSize(before);
        assertThat(accessDenied()).isEqualTo(denied + 1);
    }

    @Test
    void aRuleAuthorsDangerousDrlIsRejectedShowingTheLine() throws Exception {
        mvc.perform(multipart("/rules").file(new MockMultipartFile("files", "lifecycle.drl", "text/plain",
                "package com.acme.tiering.rules;\nimport java.io.File;\n".getBytes(StandardCharsets.UTF_8)))
                .with(user("author").roles("RULE_AUTHOR")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("lifecycle.drl")))
                .andExpect(content().string(containsString("<span>import java.io.File;</span>")));
    }

    @Test
    void unknownVersionsAndBadParametersAreAnsweredInWords() throws Exception {
        long inForce = versions.activeVersion().orElseThrow().id();
        long draft = draft("Strategic: bad parameters");

        mvc.perform(get("/rules/999999").with(OPS)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no ruleset version 999999.")));
        mvc.perform(get("/rules/abc").with(OPS)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&#39;abc&#39; is not a valid id")));
        mvc.perform(get("/rules/999999/simulation").with(OPS)).andExpect(status().isNotFound());
        mvc.perform(post("/rules/999999/publish").with(OPS).with(csrf())).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no ruleset version 999999.")));
        mvc.perform(post("/rules/999999/simulation").with(OPS).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/rules/" + draft + "/simulation/examples").param("from", "A").param("to", "B").with(OPS))
                .andExpect(status().isNotFound()).andExpect(content().string(containsString("has not been simulated yet")));
        mvc.perform(get("/rules/" + draft + "/simulation/examples").param("from", "A").with(OPS))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("to is missing")));
        mvc.perform(get("/rules/diff").param("from", "x").param("to", "1").param("file", "tiers.xlsx").with(OPS))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("is not a valid from")));
        mvc.perform(get("/rules/diff").param("from", "" + inForce).param("to", "" + draft)
                .param("file", "lifecycle.drl").with(OPS))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("must name a spreadsheet")));
        mvc.perform(get("/rules/diff").param("from", "" + inForce).param("to", "999999").param("file", "tiers.xlsx")
                .with(OPS)).andExpect(status().isNotFound());
    }

    @Test
    void theExamplesOfATierThatIsNotInTheSimulationAreNotFound() throws Exception {
        long draft = draft("Strategic: examples");
        mvc.perform(post("/rules/" + draft + "/simulation").with(OPS).with(csrf())).andExpect(status().isFound());

        mvc.perform(get("/rules/" + draft + "/simulation/examples").param("from", "Z").param("to", "A").with(OPS))
                .andExpect(status().isNotFound()).andExpect(content().string(containsString("has no tier &#39;Z&#39;")));
    }

    @Test
    void aFileOfAVersionDownloadsAsStored() throws Exception {
        long inForce = versions.activeVersion().orElseThrow().id();

        mvc.perform(get("/rules/" + inForce + "/files/tiers.xlsx").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().bytes(tiersInForce()));
        mvc.perform(get("/rules/" + inForce + "/files/nothing.xlsx").with(AUDITOR)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("has no file nothing.xlsx")));
    }

    @Test
    void theDiffShowsTheEditedCellAndAnUnknownFileIsNotFoundInWords() throws Exception {
        long inForce = versions.activeVersion().orElseThrow().id();
        long draft = draft("Strategic: compared");

        mvc.perform(get("/rules/" + draft).with(AUDITOR))
                .andExpect(content().string(containsString("name=\"from\"")))
                .andExpect(content().string(containsString("Version " + inForce + " (in force)")));
        mvc.perform(get("/rules/diff").param("from", "" + inForce).param("to", "" + draft).param("file", "tiers.xlsx")
                .with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<code>B11</code>")))
                .andExpect(content().string(containsString("<ins>Strategic: compared</ins>")));
        mvc.perform(get("/rules/diff").param("from", "" + inForce).param("to", "" + draft).param("file", "prices.xlsx")
                .with(AUDITOR)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("has no file prices.xlsx")));
    }

    @Test
    void theTierTableSavedAsXlsReplacesTheXlsxAndComparesWithItCellByCell() throws Exception {
        long inForce = versions.activeVersion().orElseThrow().id();
        String location = mvc.perform(multipart("/rules").file(new MockMultipartFile("files", "tiers.xls",
                "application/vnd.ms-excel", Workbooks.asXls(tiersInForce()))).param("comment", "saved as .xls")
                .with(OPS).with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrlPattern("/rules/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long draft = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        assertThat(versions.find(draft).orElseThrow().findings()).isEmpty();
        assertThat(versions.filesOf(draft)).extracting(RuleFile::name).contains("tiers.xls").doesNotContain("tiers.xlsx");
        mvc.perform(get("/rules/" + draft).with(AUDITOR))
                .andExpect(content().string(containsString("Version " + inForce + " (in force)")));
        mvc.perform(get("/rules/diff").param("from", "" + inForce).param("to", "" + draft).param("file", "tiers.xls")
                .with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("(saved as tiers.xlsx)")))
                .andExpect(content().string(containsString("The two versions of this file hold the same cells.")));
    }

    /** A draft uploaded through the page by ops: the tiers in force with the Strategic description reworded. */
    private long draft(String description) throws Exception {
        ResultActions upload = mvc.perform(multipart("/rules").file(tiersFile(reworded(description)))
                .param("comment", description).with(OPS).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("/rules/*"));
        String location = upload.andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private byte[] reworded(String description) {
        return Workbooks.withCell(tiersInForce(), "Tiers", 10, 1, description);
    }

    private byte[] tiersInForce() {
        return active.current().files().stream().filter(f -> f.name().equals("tiers.xlsx")).findFirst().orElseThrow()
                .content();
    }

    private static MockMultipartFile tiersFile(byte[] content) {
        return new MockMultipartFile("files", "tiers.xlsx", "application/octet-stream", content);
    }

    private long accessDenied() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'ACCESS_DENIED'", Long.class);
    }
}
