package com.acme.tiering.override;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends overrides at their expiry without anyone asking: every {@code tiering.overrides.expiry-check}
 * (default 30 s). Safe with several instances: ending is a conditional update, so each override is
 * ended, and its customer re-evaluated, by one of them.
 */
@Component
class OverrideExpiry {

    private static final Logger log = LoggerFactory.getLogger(OverrideExpiry.class);

    private static final int BATCH = 200;

    private final ManualOverrides overrides;
    private final Clock clock;

    OverrideExpiry(ManualOverrides overrides, Clock clock) {
        this.overrides = overrides;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tiering.overrides.expiry-check:PT30S}",
            initialDelayString = "${tiering.overrides.expiry-check:PT30S}")
    void endExpired() {
        try {
            while (overrides.endExpired(clock.instant(), BATCH) == BATCH) {
                // another batch is due
            }
        }
        catch (RuntimeException failure) {
            log.warn("Ending expired manual overrides failed; retrying at the next check: {}", failure.toString());
        }
    }
}
