package com.acme.tiering.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.acme.tiering.TieringApplication;

/** A broken rule file stops the service at start-up with one message naming file and line or cell. */
@ExtendWith(OutputCaptureExtension.class)
class BrokenRulesAtStartUpTests {

    @Test
    void aBrokenDrlStopsStartUpNamingFileAndLine(@TempDir Path rules, CapturedOutput output) throws IOException {
        for (Path file : Files.list(Path.of("rules")).toList()) {
            Files.copy(file, rules.resolve(file.getFileName()));
        }
        Files.writeString(rules.resolve("lifecycle.drl"), Files.readString(rules.resolve("lifecycle.drl"))
                .replace("CustomerFacts( recencyDays > 365 )", "CustomerFacts( recencyDays > )"));

        assertThatThrownBy(() -> SpringApplication.run(TieringApplication.class,
                "--tiering.rules.directory=" + rules, "--server.port=0", "--tiering.demo.enabled=false",
                "--spring.datasource.url=jdbc:h2:mem:broken-rules;MODE=MySQL;DATABASE_TO_LOWER=TRUE"))
                .hasRootCauseInstanceOf(RulesetInvalid.class);

        assertThat(output).contains("The rules cannot be put in force:").containsPattern("lifecycle\\.drl › line \\d+")
                .contains("tiering.rules.directory").doesNotContain("rule values at");
    }
}
