package com.acme.tiering.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class GeneratorOptionsTests {

    @Test
    void defaultsAreTheDemoSizeAndSeedIntoAnEmptyDatabase() {
        GeneratorOptions options = GeneratorOptions.parse(new String[] { "--generate" });
        assertThat(options).isEqualTo(new GeneratorOptions(2000, 42, null, false, 2, 1000, List.of()));
    }

    @Test
    void readsEveryOptionAndPassesSpringPropertiesOn() {
        GeneratorOptions options = GeneratorOptions.parse(new String[] { "--generate", "--customers=1_000_000",
            "--seed=7", "--append", "--today=2026-06-30", "--threads=4", "--chunk-size=500",
            "--spring.datasource.url=jdbc:mariadb://db/tiering" });
        assertThat(options).isEqualTo(new GeneratorOptions(1_000_000, 7, LocalDate.of(2026, 6, 30), true, 4, 500,
                List.of("--spring.datasource.url=jdbc:mariadb://db/tiering")));
    }

    @Test
    void refusesWhatItDoesNotKnowNamingIt() {
        assertThatThrownBy(() -> GeneratorOptions.parse(new String[] { "--generate", "--clients=5" }))
                .hasMessage("Unknown option --clients=5");
        assertThatThrownBy(() -> GeneratorOptions.parse(new String[] { "--customers=many" }))
                .hasMessage("--customers=many: not a whole number");
        assertThatThrownBy(() -> GeneratorOptions.parse(new String[] { "--today=30.6.2026" }))
                .hasMessage("--today=30.6.2026: not a date (YYYY-MM-DD)");
        assertThatThrownBy(() -> GeneratorOptions.parse(new String[] { "--customers=0" }))
                .hasMessageContaining("--customers >= 1");
    }
}
