package com.acme.tiering.ruleset;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiling an upload whose tier table has 10, 100 or 1,000 rows, with the other shipped files, through
 * the service's compiler: the checks of every cell, the translation to DRL, Drools' build and the catalog.
 * One compile per measurement; the JVM is warm, as in a running service.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class CompileBenchmarks {

    @Param({ "10", "100", "1000" })
    public int rows;

    private final RulesetCompiler compiler = new RulesetCompiler();
    private List<RuleFile> upload;

    @Setup(Level.Trial)
    public void generate() {
        upload = GeneratedTierTable.shippedRulesWithTierRows(rows);
    }

    @Benchmark
    public CompiledRuleset compile() {
        return compiler.compile(upload);
    }
}
