package com.acme.tiering.evaluation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.ruleset.CompiledRuleset;

/**
 * The engines of {@link EngineBenchmarks} timed by the CPU time of the thread that runs them rather than by the
 * clock, in many short rounds that take each engine in turn: a build on the same cores slows the engines of one
 * round alike instead of whichever benchmark JMH happened to be measuring, and a ratio taken within each round,
 * then the median over the rounds, holds on a busy machine. The thread's own time leaves out the JIT compiler
 * and the collector (the serial one, whose pauses are short for these short-lived objects); JMH's figures
 * include them.
 * Prints per engine {@code cpu engine=fullDecision nsPerOp=... opsPerCpuSecond=... rounds=... min=... max=...}
 * and per pair {@code ratio fullDecision/withoutExplanation=...} (engine a's speed over b's); arguments, if
 * any, name the engines to time. Not a test; bench/engine.sh runs it after JMH.
 */
public final class InterleavedCpuTime {

    private static final long BLOCK_CPU_NANOS = 20_000_000L;
    private static final int WARM_UP_ROUNDS = 40;
    private static final int ROUNDS = 150;
    private static final List<List<String>> PAIRS = List.of(List.of("fullDecision", "withoutExplanation"),
            List.of("fullDecision", "handWritten"), List.of("fullDecision", "camunda[feel=legacy]"),
            List.of("fullDecision", "camunda[feel=default]"), List.of("twoTables", "camunda[feel=legacy]"),
            List.of("twoTables", "camunda[feel=default]"));

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Where the decisions go, so that none can be optimised away. */
    private static final Object[] SINK = new Object[64];

    private InterleavedCpuTime() {
    }

    public static void main(String[] args) {
        List<CustomerFacts> customers = VariedCustomers.of(EngineBenchmarks.CUSTOMERS, EngineBenchmarks.SEED);
        EngineBenchmarks.Shipped shipped = new EngineBenchmarks.Shipped();
        shipped.compile();
        EngineBenchmarks.TwoTables twoTables = new EngineBenchmarks.TwoTables();
        twoTables.compile();
        EngineBenchmarks.Camunda camunda = camunda(shipped, "legacy");
        EngineBenchmarks.Camunda camundaDefault = camunda(shipped, "default");
        CompiledRuleset rules = shipped.ruleset;

        Map<String, IntFunction<Object>> engines = new LinkedHashMap<>();
        engines.put("fullDecision", i -> Evaluator.run(customers.get(i), rules));
        engines.put("withoutExplanation", i -> Evaluator.decide(customers.get(i), rules, null));
        engines.put("twoTables", i -> Evaluator.run(customers.get(i), twoTables.ruleset));
        engines.put("handWritten", i -> HandWrittenPolicy.decide(customers.get(i)));
        engines.put("camunda[feel=legacy]", i -> camundaDecision(camunda, customers.get(i), i));
        engines.put("camunda[feel=default]", i -> camundaDecision(camundaDefault, customers.get(i), i));

        if (args.length > 0) {
            engines.keySet().retainAll(List.of(args)); // e.g. fullDecision withoutExplanation
        }
        Map<String, List<Double>> nanosPerOp = new LinkedHashMap<>();
        engines.keySet().forEach(name -> nanosPerOp.put(name, new ArrayList<>()));
        List<String> names = new ArrayList<>(engines.keySet());
        for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
            for (int e = 0; e < names.size(); e++) {
                String name = names.get((round + e) % names.size()); // each round starts with the next engine
                double perOp = block(engines.get(name), customers.size());
                if (round >= WARM_UP_ROUNDS) {
                    nanosPerOp.get(name).add(perOp);
                }
            }
        }
        nanosPerOp.forEach((name, samples) -> {
            double median = median(samples);
            double min = samples.stream().mapToDouble(d -> d).min().orElse(0);
            double max = samples.stream().mapToDouble(d -> d).max().orElse(0);
            System.out.printf(Locale.ROOT, "cpu engine=%s nsPerOp=%.1f opsPerCpuSecond=%.1f rounds=%d", name, median,
                    1e9 / median, samples.size());
            System.out.printf(Locale.ROOT, " min=%.1f max=%.1f%n", min, max);
        });
        for (List<String> pair : PAIRS) {
            List<Double> a = nanosPerOp.get(pair.get(0));
            List<Double> b = nanosPerOp.get(pair.get(1));
            if (a != null && b != null) {
                List<Double> speedRatios = new ArrayList<>();
                for (int round = 0; round < a.size(); round++) {
                    speedRatios.add(b.get(round) / a.get(round));
                }
                System.out.printf(Locale.ROOT, "ratio %s/%s=%.4f%n", pair.get(0), pair.get(1), median(speedRatios));
            }
        }
    }

    private static EngineBenchmarks.Camunda camunda(EngineBenchmarks.Shipped shipped, String feel) {
        EngineBenchmarks.Camunda camunda = new EngineBenchmarks.Camunda();
        camunda.feel = feel;
        camunda.parse(shipped);
        return camunda;
    }

    private static Object camundaDecision(EngineBenchmarks.Camunda camunda, CustomerFacts customer, int i) {
        return new CamundaTables.Decision(camunda.tables.tier(customer),
                camunda.tables.servicePlan(camunda.tierInForce[i], camunda.churnRisk[i], camunda.lifecycleStage[i]));
    }

    /** Decisions round-robin over the customers until the thread has used a block of CPU time: ns per decision. */
    private static double block(IntFunction<Object> engine, int customers) {
        long start = THREADS.getCurrentThreadCpuTime();
        long used;
        long ops = 0;
        int next = 0;
        do {
            for (int i = 0; i < 10; i++) {
                SINK[next & 63] = engine.apply(next);
                next = next + 1 == customers ? 0 : next + 1;
            }
            ops += 10;
            used = THREADS.getCurrentThreadCpuTime() - start;
        }
        while (used < BLOCK_CPU_NANOS);
        return (double) used / ops;
    }

    private static double median(List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(d -> d).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
