package com.acme.tiering.ruleset;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The memory a compiled ruleset keeps while it is in force: heap and Metaspace used after a full GC with
 * the ruleset held, less the same before it was compiled. Prints one line per table size:
 * {@code retained rows=1000 heapBytes=... metaspaceBytes=...}. Not a test; bench/engine.sh runs it.
 */
public final class CompiledTableSize {

    private CompiledTableSize() {
    }

    public static void main(String[] args) {
        RulesetCompiler compiler = new RulesetCompiler();
        compiler.compile(GeneratedTierTable.shippedRulesWithTierRows(10)); // loads Drools' own classes first
        for (String arg : args) {
            int rows = Integer.parseInt(arg);
            List<RuleFile> upload = GeneratedTierTable.shippedRulesWithTierRows(rows);
            long[] before = usedAfterGc();
            List<CompiledRuleset> held = new ArrayList<>();
            held.add(compiler.compile(upload));
            long[] after = usedAfterGc();
            System.out.printf(Locale.ROOT, "retained rows=%d heapBytes=%d metaspaceBytes=%d rules=%d%n", rows,
                    after[0] - before[0], after[1] - before[1], held.get(0).catalog().size());
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
