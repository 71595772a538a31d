package com.acme.tiering.ruleset;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ruleset in force. Evaluations take it once and finish on it; activation swaps it whole, so a
 * request in flight never sees half of two versions.
 */
public class ActiveRuleset {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleset.class);

    private final AtomicReference<CompiledRuleset> current;
    private final List<Consumer<CompiledRuleset>> listeners = new CopyOnWriteArrayList<>();

    public ActiveRuleset(CompiledRuleset initial) {
        this.current = new AtomicReference<>(initial);
    }

    public CompiledRuleset current() {
        return current.get();
    }

    /**
     * Puts a compiled ruleset in force; returns the one it replaced. Activations are serialised, so listeners
     * hear of versions in the order they were put in force; evaluations read {@link #current()} without waiting.
     */
    public synchronized CompiledRuleset activate(CompiledRuleset ruleset) {
        CompiledRuleset previous = current.getAndSet(ruleset);
        listeners.forEach(listener -> tell(listener, ruleset));
        return previous;
    }

    /** Tells the listener of the ruleset in force now, then of every one put in force after it (e.g. metrics). */
    public synchronized void whenActivated(Consumer<CompiledRuleset> listener) {
        listeners.add(listener);
        tell(listener, current.get());
    }

    /** A listener that fails must not undo or hide an activation that has happened. */
    private static void tell(Consumer<CompiledRuleset> listener, CompiledRuleset ruleset) {
        try {
            listener.accept(ruleset);
        }
        catch (RuntimeException failure) {
            log.warn("A listener of ruleset activation failed for version {}", ruleset.shortVersion(), failure);
        }
    }
}
