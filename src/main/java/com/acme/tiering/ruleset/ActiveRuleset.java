package com.acme.tiering.ruleset;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The ruleset in force. Evaluations take it once and finish on it; activation swaps it whole, so a
 * request in flight never sees half of two versions. Who needs to know of an activation hears
 * {@link RulesetActivated}, raised by whoever put the version in force once it is.
 */
public class ActiveRuleset {

    private final AtomicReference<CompiledRuleset> current;

    public ActiveRuleset(CompiledRuleset initial) {
        this.current = new AtomicReference<>(initial);
    }

    public CompiledRuleset current() {
        return current.get();
    }

    /** Puts a compiled ruleset in force; returns the one it replaced. Evaluations read {@link #current()} without waiting. */
    public CompiledRuleset activate(CompiledRuleset ruleset) {
        return current.getAndSet(ruleset);
    }
}
