package com.acme.tiering.ruleset;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The memory a compiled ruleset keeps while it is in force: heap and Metaspace used after a full GC with
 * the ruleset held, less the same before it was compiled; and how long that one compile took in a JVM that
 * had compiled only the shipped rules before, as a service just after start-up. Prints one line per size:
 * {@code retained rows=1000 heapBytes=... metaspaceBytes=... rules=... compileMs=...}. Not a test;
 * bench/engine.sh runs it.
 */
public final class CompiledTableSize {

    private CompiledTableSize() {
    }

    public static void main(String[] args) {
        RulesetCompiler compiler = new RulesetCompiler();
        compiler.compile(new RulesDirectory().read(GeneratedTierTable.RULES)); // as the service does at start-up
        for (String arg : args) {
            int rows = Integer.parseInt(arg);
            List<RuleFile> upload = GeneratedTierTable.shippedRulesWithTierRows(rows);
            long[] before = usedAfterGc();
            List<CompiledRuleset> held = new ArrayList<>();
            long start = System.nanoTime();
            held.add(compiler.compile(upload));
            long millis = (System.nanoTime() - start) / 1_000_000;
            long[] after = usedAfterGc();
            System.out.printf(Locale.ROOT, "retained rows=%d heapBytes=%d metaspaceBytes=%d rules=%d compileMs=%d%n",
                    rows, after[0] - before[0], after[1] - before[1], held.get(0).catalog().size(), millis);
            held.clear();
        }
    }

    private static long[] usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals("Metaspace")).map(pool -> pool.getUsage())
                .mapToLong(MemoryUsage::getUsed).sum();
        return new long[] { heap, metaspace };
    }
}
