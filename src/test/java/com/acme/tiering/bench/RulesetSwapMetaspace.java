package com.acme.tiering.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.ruleset.RulesDirectory;
import com.acme.tiering.ruleset.RulesetCompiler;

/**
 * Compiles the shipped rules and swaps them in 100 times, printing Metaspace and heap after cycle 10
 * and cycle 100 (each after a full GC) and their ratio. A ruleset that leaks its generated classes
 * shows Metaspace growing with every cycle. Not a test: run it with the command in docs/performance.md.
 */
public final class RulesetSwapMetaspace {

    private RulesetSwapMetaspace() {
    }

    public static void main(String[] args) {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        List<RuleFile> files = new RulesDirectory().read(Path.of("rules"));
        RulesetCompiler compiler = new RulesetCompiler();
        ActiveRuleset active = new ActiveRuleset(compiler.compile(files));
        long[] after10 = null;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            active.activate(compiler.compile(files));
            if (cycle == 10) {
                after10 = measure();
            }
        }
        long[] afterAll = measure();
        System.out.printf(Locale.ROOT, "compile+activate cycles: %d%n", cycles);
        System.out.printf(Locale.ROOT, "Metaspace after 10: %.1f MiB, after %d: %.1f MiB, ratio %.3f%n",
                after10[0] / 1048576.0, cycles, afterAll[0] / 1048576.0, (double) afterAll[0] / after10[0]);
        System.out.printf(Locale.ROOT, "Heap used after 10: %.1f MiB, after %d: %.1f MiB, ratio %.3f%n",
                after10[1] / 1048576.0, cycles, afterAll[1] / 1048576.0, (double) afterAll[1] / after10[1]);
        System.exit(afterAll[0] <= after10[0] * 1.10 ? 0 : 1);
    }

    private static long[] measure() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals("Metaspace")).mapToLong(p -> p.getUsage().getUsed()).sum();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new long[] { metaspace, heap };
    }
}
