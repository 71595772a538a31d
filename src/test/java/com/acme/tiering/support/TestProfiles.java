package com.acme.tiering.support;

/**
 * The test profiles ({@code src/test/resources/config/application-*.yml}) a {@link ServiceTest} may add with
 * {@code @ActiveProfiles}. Each is one shared application context; keep them few.
 */
public final class TestProfiles {

    /** Publishing or rolling back puts a version in force without starting an evaluation run after it. */
    public static final String NO_RUN_AFTER_ACTIVATION = "no-run-after-activation";

    /** With {@link #NO_RUN_AFTER_ACTIVATION}: approval by a second person switched off (one-person installation). */
    public static final String ONE_PERSON = "one-person";

    /** The 2,000-customer demo dataset, loaded and evaluated by a demo run at start-up. */
    public static final String DEMO = "demo";

    private TestProfiles() {
    }
}
