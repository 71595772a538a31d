package com.acme.tiering.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.support.Approval;

/**
 * Four eyes by default: with every setting at its default (tiering.rules.require-approval is not set), a second
 * person, never the author, approves before publication. The context is closed after the class: the versions
 * published here must not stay in force for the classes that share the default context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class RulesetApprovalTests {

    @Autowired
    RulesetDrafts drafts;

    @Autowired
    RulesetSimulation simulation;

    @Autowired
    RulesetPublication publication;

    @Autowired
    RulesetVersions versions;

    @Autowired
    ActiveRuleset active;

    @Autowired
    MockMvc mvc;

    @Test
    void theAuthorCannotApproveAndPublicationWaitsForAnotherPerson() throws IOException {
        String before = active.current().version();
        long id = drafts.upload(List.of(GovernanceFixtures.rewordedDescription(active, "Strategic, reviewed")),
                "alice", "reviewed wording").id();
        simulation.simulate(id);

        assertThatThrownBy(() -> publication.publish(id, "alice", "go")).isInstanceOfSatisfying(
                PublicationRefused.class, r -> assertThat(r.reasons()).anyMatch(m -> m.contains("second person")));
        assertThatThrownBy(() -> publication.approve(id, "alice", "looks good")).isInstanceOf(PublicationRefused.class);
        assertThat(active.current().version()).isEqualTo(before);

        publication.approve(id, "bob", "checked the simulation");
        publication.publish(id, "alice", "approved by bob");

        assertThat(versions.events(id)).extracting(e -> e.action() + " by " + e.actor())
                .containsExactly("UPLOADED by alice", "APPROVED by bob", "PUBLISHED by alice");
        assertThat(active.current().version()).isNotEqualTo(before);
    }

    @Test
    void withTheDefaultsTheUploaderAloneIsRefused409NamingTheMissingApprovalAndAReviewersApprovalPublishes()
            throws Exception {
        String before = active.current().version();
        String created = mvc.perform(multipart("/api/v1/rulesets").file(new MockMultipartFile("files",
                "tiers.xlsx", MediaType.APPLICATION_OCTET_STREAM_VALUE,
                GovernanceFixtures.rewordedDescription(active, "Strategic, four eyes").content()))
                .with(httpBasic("ops", "ops-demo"))).andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(post(created + "/simulation").with(httpBasic("ops", "ops-demo"))).andExpect(status().isOk());

        mvc.perform(post(created + "/publish").with(httpBasic("ops", "ops-demo"))).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reasons", hasItem(
                        "it needs the approval of a second person: nobody but its author, ops, has approved it")))
                .andExpect(jsonPath("$.detail", containsString("approval of a second person")));
        assertThat(active.current().version()).isEqualTo(before);

        Approval.approve(mvc, created);
        mvc.perform(post(created + "/publish").with(httpBasic("ops", "ops-demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        assertThat(active.current().version()).isNotEqualTo(before);
    }
}
