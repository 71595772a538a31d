package com.acme.tiering.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTests {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(15));

    @Test
    void doublesTheDelayAfterEachFailureFromTheInitialOne() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(80));
    }

    @Test
    void neverWaitsLongerThanTheCapHoweverManyAttemptsFailed() {
        assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofMinutes(10).plusSeconds(40));
        assertThat(backoff.delayAfter(8)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void refusesACapBelowTheInitialDelay() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)));
    }
}
