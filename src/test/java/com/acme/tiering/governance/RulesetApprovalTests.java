package com.acme.tiering.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.ActiveProfiles;

import com.acme.tiering.support.Approval;
import com.acme.tiering.support.Governance;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestProfiles;
import com.acme.tiering.support.TieringApi;

/**
 * Four eyes by default: with approval at its default (tiering.rules.require-approval is not set), a second
 * person, never the author, approves before publication. In the context of the governance tests: the versions
 * published here only reword a description, and the shipped rules are back in force after the class.
 */
@ServiceTest
@ActiveProfiles(TestProfiles.NO_RUN_AFTER_ACTIVATION)
class RulesetApprovalTests {

    /** The classes after this one in the shared context find the shipped rules in force, not a reworded version. */
    @AfterAll
    static void shippedRulesBackInForce(@Autowired Governance governance) {
        governance.firstVersionBackInForce("ops");
    }

    @Autowired
    Governance governance;

    @Autowired
    TieringApi api;

    @Autowired
    MockMvc mvc;

    @Test
    void theAuthorCannotApproveAndPublicationWaitsForAnotherPerson() throws IOException {
        String before = governance.active().current().version();
        long id = governance.simulatedDraft(
                List.of(GovernanceFixtures.rewordedDescription(governance.active(), "Strategic, reviewed")), "alice",
                "reviewed wording");

        assertThatThrownBy(() -> governance.publication().publish(id, "alice", "go")).isInstanceOfSatisfying(
                PublicationRefused.class, r -> assertThat(r.reasons()).anyMatch(m -> m.contains("second person")));
        assertThatThrownBy(() -> governance.publication().approve(id, "alice", "looks good"))
                .isInstanceOf(PublicationRefused.class);
        assertThat(governance.active().current().version()).isEqualTo(before);

        governance.publication().approve(id, "bob", "checked the simulation");
        governance.publication().publish(id, "alice", "approved by bob");

        assertThat(governance.versions().events(id)).extracting(e -> e.action() + " by " + e.actor())
                .containsExactly("UPLOADED by alice", "APPROVED by bob", "PUBLISHED by alice");
        assertThat(governance.active().current().version()).isNotEqualTo(before);
    }

    @Test
    void withTheDefaultsTheUploaderAloneIsRefused409NamingTheMissingApprovalAndAReviewersApprovalPublishes()
            throws Exception {
        String before = governance.active().current().version();
        String created = api.draft(httpBasic("ops", "ops-demo"), "tiers.xlsx",
                GovernanceFixtures.rewordedDescription(governance.active(), "Strategic, four eyes").content(), null);
        mvc.perform(post(created + "/simulation").with(httpBasic("ops", "ops-demo"))).andExpect(status().isOk());

        mvc.perform(post(created + "/publish").with(httpBasic("ops", "ops-demo"))).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reasons", hasItem(
                        "it needs the approval of a second person: nobody but its author, ops, has approved it")))
                .andExpect(jsonPath("$.detail", containsString("approval of a second person")));
        assertThat(governance.active().current().version()).isEqualTo(before);

        Approval.approve(mvc, created);
        mvc.perform(post(created + "/publish").with(httpBasic("ops", "ops-demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        assertThat(governance.active().current().version()).isNotEqualTo(before);
    }
}
