package com.acme.tiering.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.RuleFile;

/**
 * Approval switched off, the documented setting for a one-person installation: the author publishes decision
 * tables alone, the Rules pages say that approval is off, and DRL, which is code, still needs a second person.
 * (The setting is off here because it is what these tests are about.)
 */
@SpringBootTest(properties = { "tiering.rules.require-approval=false", "tiering.rules.run-after-activation=false" })
@AutoConfigureMockMvc
class OnePersonInstallationTests {

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
    void theAuthorPublishesADecisionTableChangeAloneAndTheRulesPagesSaySo() throws Exception {
        long id = drafts.upload(List.of(GovernanceFixtures.rewordedDescription(active, "Strategic, one person")),
                "solo", "alone").id();
        simulation.simulate(id);

        publication.publish(id, "solo", "nobody else here");

        assertThat(versions.find(id).orElseThrow().status()).isEqualTo(VersionStatus.ACTIVE);
        mvc.perform(get("/rules").with(user("solo").roles("OPS_MANAGER"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"approval-off\"")))
                .andExpect(content().string(containsString("Approval by a second person is off")));
    }

    @Test
    void changedDrlStillNeedsASecondPersonsApproval() {
        String drl = active.current().files().stream().filter(f -> f.name().equals("lifecycle.drl")).findFirst()
                .orElseThrow().text() + "\n// reviewed\n";
        long id = drafts.upload(List.of(new RuleFile("lifecycle.drl", drl.getBytes(StandardCharsets.UTF_8))),
                "author", "comment only").id();
        simulation.simulate(id);

        assertThatThrownBy(() -> publication.publish(id, "author", "go")).isInstanceOfSatisfying(
                PublicationRefused.class, r -> assertThat(r.reasons()).singleElement().asString().contains("DRL"));

        publication.approve(id, "reviewer", "read the diff");
        publication.publish(id, "author", "approved");
        assertThat(versions.find(id).orElseThrow().status()).isEqualTo(VersionStatus.ACTIVE);
    }
}
