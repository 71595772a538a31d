package com.acme.tiering.ruleset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Compiled rulesets by content hash: a version is compiled once per instance, though upload, simulation,
 * publication, the shadow and start-up all ask for it. Bounded (the least recently used goes first), since
 * every compiled version holds its classes in Metaspace; concurrent callers of one content wait for one
 * compilation. Rules that do not compile are not kept: each caller gets the same findings again.
 */
@Component
public class CompiledRulesets {

    /** The version in force, the shadow, a draft being simulated and published, and the one rolled back to. */
    static final int CAPACITY = 4;

    private final RulesetCompiler compiler;
    private final int capacity;
    private final Map<String, CompletableFuture<CompiledRuleset>> byHash;
    private final AtomicLong compilations = new AtomicLong();

    @Autowired
    CompiledRulesets(RulesetCompiler compiler) {
        this(compiler, CAPACITY);
    }

    CompiledRulesets(RulesetCompiler compiler, int capacity) {
        this.compiler = compiler;
        this.capacity = capacity;
        this.byHash = new LinkedHashMap<>(capacity + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<CompiledRuleset>> eldest) {
                return size() > CompiledRulesets.this.capacity;
            }
        };
    }

    /**
     * The files compiled, or the ruleset compiled earlier from the same content ({@link RulesetCompiler#contentHash}).
     *
     * @throws RulesetInvalid with the findings when any file does not compile
     */
    public CompiledRuleset compiled(List<RuleFile> files) {
        String hash = RulesetCompiler.contentHash(files);
        CompletableFuture<CompiledRuleset> compiling = new CompletableFuture<>();
        CompletableFuture<CompiledRuleset> known;
        synchronized (byHash) {
            known = byHash.putIfAbsent(hash, compiling);
        }
        if (known != null) {
            return await(known);
        }
        try {
            compilations.incrementAndGet();
            compiling.complete(compiler.compile(files));
        }
        catch (RuntimeException | Error failure) {
            forget(hash, compiling);
            compiling.completeExceptionally(failure);
        }
        return await(compiling);
    }

    /** How many compilations this instance has made (every cache miss): for tests and diagnostics. */
    public long compilations() {
        return compilations.get();
    }

    private void forget(String hash, CompletableFuture<CompiledRuleset> failed) {
        synchronized (byHash) {
            byHash.remove(hash, failed);
        }
    }

    /** The compilation's result, or its failure as it was thrown (RulesetInvalid carries the findings). */
    private static CompiledRuleset await(CompletableFuture<CompiledRuleset> compilation) {
        try {
            return compilation.join();
        }
        catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }
}
