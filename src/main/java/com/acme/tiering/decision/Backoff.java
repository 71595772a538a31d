package com.acme.tiering.decision;

import java.time.Duration;

/** Exponential back-off: the initial delay after the first failure, doubled after each further one, capped. */
record Backoff(Duration initial, Duration max) {

    Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max, not " + initial + " and " + max);
        }
    }

    /** @param failures attempts failed so far, at least 1 */
    Duration delayAfter(int failures) {
        int doublings = Math.max(0, failures - 1);
        // Doubling past the cap would only overflow: stop as soon as it is reached.
        Duration delay = initial;
        for (int i = 0; i < doublings && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
