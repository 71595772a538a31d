package com.acme.tiering.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.acme.tiering.TieringApplication;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.RulesetInvalid;
import com.acme.tiering.support.Workbooks;

/**
 * The rules directory at start-up: imported as a new version only when it compiles and passes the rule
 * tests; otherwise the active version stays in force and the refused content is kept with why.
 */
class RulesetStartupTests {

    @TempDir
    Path rules;

    private final String database = "jdbc:h2:mem:startup-" + UUID.randomUUID()
            + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TieringApplication.class).run("--server.port=0",
                "--tiering.demo.enabled=false", "--tiering.rules.directory=" + rules, "--spring.datasource.url=" + database);
    }

    private void shippedRules() throws IOException {
        for (Path file : Files.list(Path.of("rules")).toList()) {
            Files.copy(file, rules.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void theFirstStartImportsTheRulesAsTheActiveVersionOnce() throws IOException {
        shippedRules();
        String version;
        try (ConfigurableApplicationContext first = start()) {
            version = first.getBean(ActiveRuleset.class).current().version();
        }
        try (ConfigurableApplicationContext second = start()) {
            RulesetVersions versions = second.getBean(RulesetVersions.class);
            assertThat(versions.all()).singleElement().satisfies(v -> {
                assertThat(v.contentHash()).isEqualTo(version);
                assertThat(v.status()).isEqualTo(VersionStatus.ACTIVE);
            });
            assertThat(versions.files(version)).extracting(f -> f.name()).contains("tiers.xlsx", "tier-policy.drl");
        }
    }

    /** With four eyes on (the default), too: the directory is the operator's deployment, not an upload to approve. */
    @Test
    void aChangedDirectoryThatPassesBecomesTheNewActiveVersion() throws IOException {
        shippedRules();
        String first;
        try (ConfigurableApplicationContext context = start()) {
            first = context.getBean(ActiveRuleset.class).current().version();
        }
        Files.writeString(rules.resolve("lifecycle.drl"), Files.readString(rules.resolve("lifecycle.drl"))
                + "\n// reviewed by the operations team\n");

        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(com.acme.tiering.TieringProperties.class).rules().requireApproval()).isTrue();
            String second = context.getBean(ActiveRuleset.class).current().version();
            assertThat(second).isNotEqualTo(first);
            assertThat(context.getBean(RulesetVersions.class).all()).extracting(v -> v.contentHash() + " " + v.status())
                    .containsExactly(second + " ACTIVE", first + " RETIRED");
        }
    }

    @Test
    void brokenRulesKeepTheActiveVersionAndAreKeptAsRejectedWithTheFinding() throws IOException {
        shippedRules();
        String good;
        try (ConfigurableApplicationContext context = start()) {
            good = context.getBean(ActiveRuleset.class).current().version();
        }
        Files.writeString(rules.resolve("lifecycle.drl"), Files.readString(rules.resolve("lifecycle.drl"))
                .replace("System", "x").replace("decision.lifecycleStage(\"LOST\");", "System.exit(0);"));

        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(ActiveRuleset.class).current().version()).isEqualTo(good);
            assertThat(context.getBean(RulesetVersions.class).all())
                    .filteredOn(v -> v.status() == VersionStatus.REJECTED)
                    .singleElement().satisfies(v -> assertThat(v.findings()).singleElement().satisfies(f -> {
                        assertThat(f.file()).isEqualTo("lifecycle.drl");
                        assertThat(f.line()).isPositive();
                        assertThat(f.message()).contains("'System' is not allowed");
                    }));
        }
    }

    @Test
    void rulesWhoseTestsFailAreNotPutInForce() throws IOException {
        shippedRules();
        String good;
        try (ConfigurableApplicationContext context = start()) {
            good = context.getBean(ActiveRuleset.class).current().version();
        }
        strategicThreshold(0.5);

        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(ActiveRuleset.class).current().version()).isEqualTo(good);
            assertThat(context.getBean(RulesetVersions.class).all())
                    .filteredOn(v -> v.status() == VersionStatus.REJECTED)
                    .singleElement().satisfies(v -> assertThat(v.failingTests()).isNotEmpty()
                            .allSatisfy(f -> assertThat(f.line()).isPositive())
                            .anySatisfy(f -> {
                                assertThat(f.file()).isEqualTo("tiers.csv");
                                assertThat(f.message()).contains("expected tier A but was B");
                            }));
        }
    }

    @Test
    void withoutAnActiveVersionBrokenRulesStopTheStartUp() throws IOException {
        shippedRules();
        Files.writeString(rules.resolve("lifecycle.drl"), "package x;\nrule \"broken\" when CustomerFacts( then end");

        assertThatThrownBy(this::start).hasRootCauseInstanceOf(RulesetInvalid.class);
    }

    /** The Strategic row's paretoShare threshold (tiers.xlsx, sheet Tiers, cell C11). */
    private void strategicThreshold(double value) throws IOException {
        Path tiers = rules.resolve("tiers.xlsx");
        Files.write(tiers, Workbooks.withCell(Files.readAllBytes(tiers), "Tiers", 10, 2, value));
    }
}
