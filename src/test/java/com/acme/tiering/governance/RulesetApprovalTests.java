package com.acme.tiering.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.acme.tiering.ruleset.ActiveRuleset;

/** With tiering.rules.require-approval a second person, never the author, approves before publication. */
@SpringBootTest(properties = { "tiering.rules.require-approval=true", "tiering.rules.run-after-activation=false" })
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
}
