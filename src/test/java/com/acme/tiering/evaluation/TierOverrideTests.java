package com.acme.tiering.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.tiering.ruleset.Tier;
import com.acme.tiering.ruleset.TierCatalog;

/** A manual override under a catalog that replaced the code it was set with (the Replaces column). */
class TierOverrideTests {

    private static final TierOverride PIN_C = new TierOverride(7, "C", TierOverride.Kind.PIN, "Pilot account",
            Instant.parse("2027-01-31T00:00:00Z"), "ops", Instant.parse("2026-01-01T00:00:00Z"));

    private static final TierCatalog SHIPPED = new TierCatalog(List.of(tier("A", 1), tier("B", 2), tier("C", 3),
            tier("D", 4)));
    private static final TierCatalog C_IS_S = new TierCatalog(List.of(tier("A", 1), tier("B", 2),
            tier("S", 3, "C"), tier("D", 4)));

    @Test
    void anOverrideOnACodeTheCatalogHasStaysAsItIs() {
        assertThat(PIN_C.in(SHIPPED)).isSameAs(PIN_C);
    }

    @Test
    void anOverrideOnAReplacedCodeNamesTheTierThatReplacesItAndKeepsTheCodeItWasSetWith() {
        TierOverride mapped = PIN_C.in(C_IS_S);

        assertThat(mapped.tier()).isEqualTo("S");
        assertThat(mapped.replacedTier()).isEqualTo("C");
        assertThat(mapped.id()).isEqualTo(7);
        assertThat(mapped.apply("D", C_IS_S)).isEqualTo("S");
    }

    @Test
    void underACatalogThatHasTheCodeAgainTheOverrideIsAsItWasSet() {
        assertThat(PIN_C.in(C_IS_S).in(SHIPPED)).isEqualTo(PIN_C);
    }

    private static Tier tier(String code, int rank, String... replaces) {
        return new Tier(code, code, rank, null, null, List.of(replaces));
    }
}
