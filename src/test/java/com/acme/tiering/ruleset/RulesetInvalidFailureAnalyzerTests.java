package com.acme.tiering.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class RulesetInvalidFailureAnalyzerTests {

    @Test
    void startUpFailureNamesFileSheetAndCellWithoutAStackTrace() {
        RulesetInvalid invalid = RulesetInvalid.because(List.of(Finding.error("tiers.xlsx", "Tiers", "C12", null,
                "Unable to parse 'abc' as a number", null)));

        FailureAnalysis analysis = new RulesetInvalidFailureAnalyzer()
                .analyze(new IllegalStateException("wrapped", invalid));

        assertThat(analysis.getDescription()).contains("tiers.xlsx › Tiers › C12: Unable to parse 'abc' as a number")
                .doesNotContain("Exception");
        assertThat(analysis.getAction()).contains("tiering.rules.directory");
    }
}
