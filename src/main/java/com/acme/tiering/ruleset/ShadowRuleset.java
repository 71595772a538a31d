package com.acme.tiering.ruleset;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The ruleset version evaluated beside the one in force during runs, if any: compiled once, swapped whole. */
public class ShadowRuleset {

    /** @param versionId the stored version the shadow was compiled from */
    public record Shadow(long versionId, CompiledRuleset ruleset) {
    }

    private final AtomicReference<Shadow> current = new AtomicReference<>();

    public Optional<Shadow> current() {
        return Optional.ofNullable(current.get());
    }

    public void set(Shadow shadow) {
        current.set(shadow);
    }

    public void clear() {
        current.set(null);
    }
}
