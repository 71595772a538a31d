package com.acme.tiering.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.openqa.selenium.By;
import org.springframework.test.web.servlet.MockMvc;

import com.acme.tiering.governance.RulesetDrafts;
import com.acme.tiering.governance.RulesetPublication;
import com.acme.tiering.governance.RulesetSimulation;
import com.acme.tiering.governance.RulesetVersions;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.security.Roles;

/**
 * Four eyes as the service requires them by default (tiering.rules.require-approval): a second person, the
 * DEMO user 'reviewer', approves a draft before its author publishes it. Tests that publish approve through
 * here rather than switching approval off.
 */
public final class Approval {

    /** The second person of the embedded default's DEMO users. */
    public static final String REVIEWER = "reviewer";

    private Approval() {
    }

    /**
     * A rule change taken through governance as people take it: the author uploads and simulates it, the reviewer
     * approves it, the author publishes it. Returns the version, in force.
     */
    public static RulesetVersions.Version uploadAndPublish(RulesetDrafts drafts, RulesetSimulation simulation,
            RulesetPublication publication, List<RuleFile> files, List<RuleFile> tests, String author) {
        RulesetVersions.Version draft = drafts.upload(files, tests, author, "test change");
        if (!draft.findings().isEmpty() || !draft.failingTests().isEmpty()) {
            throw new IllegalStateException("The change cannot be published: " + draft.findings() + " "
                    + draft.failingTests());
        }
        simulation.simulate(draft.id());
        return approveAndPublish(publication, draft.id(), author, "test change");
    }

    /** The reviewer approves the draft, then its author publishes it. */
    public static RulesetVersions.Version approveAndPublish(RulesetPublication publication, long versionId,
            String author, String reason) {
        publication.approve(versionId, REVIEWER, "checked the simulation");
        return publication.publish(versionId, author, reason);
    }

    /** The reviewer approves the draft at this address of the API (the Location of its upload). */
    public static void approve(MockMvc mvc, String versionLocation) throws Exception {
        mvc.perform(post(versionLocation + "/approval").with(user(REVIEWER).roles(Roles.OPS_MANAGER)))
                .andExpect(status().isOk());
    }

    /** The reviewer approves the draft on its page; the browser is then signed in as the given user again. */
    public static void approve(Browser b, long versionId, String user, String password) {
        b.signOut().signIn(REVIEWER, REVIEWER + "-demo");
        b.open("/rules/" + versionId);
        b.find(By.id("approve")).click();
        b.acceptConfirmation();
        b.awaitText("is approved by " + REVIEWER);
        b.signOut().signIn(user, password);
    }
}
