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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.ActiveProfiles;

import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.support.Governance;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestProfiles;

/**
 * Approval switched off, the documented setting for a one-person installation: the author publishes decision
 * tables alone, the Rules pages say that approval is off, and DRL, which is code, still needs a second person.
 * (The setting is off here because it is what these tests are about.)
 */
@ServiceTest
@ActiveProfiles({ TestProfiles.NO_RUN_AFTER_ACTIVATION, TestProfiles.ONE_PERSON })
class OnePersonInstallationTests {

    @Autowired
    Governance governance;

    @Autowired
    MockMvc mvc;

    @Test
    void theAuthorPublishesADecisionTableChangeAloneAndTheRulesPagesSaySo() throws Exception {
        long id = governance.simulatedDraft(
                List.of(GovernanceFixtures.rewordedDescription(governance.active(), "Strategic, one person")), "solo",
                "alone");

        governance.publication().publish(id, "solo", "nobody else here");

        assertThat(governance.versions().find(id).orElseThrow().status()).isEqualTo(VersionStatus.ACTIVE);
        mvc.perform(get("/rules").with(user("solo").roles("OPS_MANAGER"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"approval-off\"")))
                .andExpect(content().string(containsString("Approval by a second person is off")));
    }

    @Test
    void changedDrlStillNeedsASecondPersonsApproval() {
        String drl = governance.active().current().files().stream().filter(f -> f.name().equals("lifecycle.drl"))
                .findFirst().orElseThrow().text() + "\n// reviewed\n";
        long id = governance.simulatedDraft(
                List.of(new RuleFile("lifecycle.drl", drl.getBytes(StandardCharsets.UTF_8))), "author", "comment only");

        assertThatThrownBy(() -> governance.publication().publish(id, "author", "go")).isInstanceOfSatisfying(
                PublicationRefused.class, r -> assertThat(r.reasons()).singleElement().asString().contains("DRL"));

        governance.publication().approve(id, "reviewer", "read the diff");
        governance.publication().publish(id, "author", "approved");
        assertThat(governance.versions().find(id).orElseThrow().status()).isEqualTo(VersionStatus.ACTIVE);
    }
}
