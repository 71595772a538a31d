package com.acme.tiering.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class RulesetVersionsTests {

    @Autowired
    RulesetVersions versions;

    @Autowired
    ActiveRuleset active;

    @Test
    void theRulesTheServiceStartsWithAreStoredOnceAsTheActiveVersionWithTheirFiles() {
        versions.recordActiveRuleset();
        versions.recordActiveRuleset();

        assertThat(versions.all()).filteredOn(v -> v.contentHash().equals(active.current().version())).hasSize(1);
        assertThat(versions.activeVersion()).get().satisfies(v -> {
            assertThat(v.contentHash()).isEqualTo(active.current().version());
            assertThat(v.status()).isEqualTo("ACTIVE");
        });
        assertThat(versions.files(active.current().version())).extracting(RuleFile::name)
                .contains("tiers.xlsx", "churn-triggers.drl");
        assertThat(RulesetCompiler.contentHash(versions.files(active.current().version())))
                .isEqualTo(active.current().version());
    }
}
