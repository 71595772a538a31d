package com.acme.tiering.evaluation;

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

import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.RulesDirectory;
import com.acme.tiering.ruleset.RulesetCompiler;

/**
 * Decisions per second for one customer at a time, the customers taken round-robin from the same fixed
 * set for every engine: the shipped rules with and without explanation, the policy written by hand (the
 * lower bound) and Camunda's DMN engine on the tier and service-plan tables (a peer engine), with its default
 * FEEL engine and with the legacy one.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = { "-Xms1g", "-Xmx1g" })
public class EngineBenchmarks {

    static final int CUSTOMERS = 1_000;
    static final long SEED = 8;

    /** The customers, and the shipped rules compiled once, as the service holds its active ruleset. */
    @State(Scope.Benchmark)
    public static class Shipped {

        List<CustomerFacts> customers;
        CompiledRuleset ruleset;

        @Setup(Level.Trial)
        public void compile() {
            customers = VariedCustomers.of(CUSTOMERS, SEED);
            ruleset = ShippedRules.ruleset();
        }
    }

    /** Only the two tables Camunda evaluates, compiled as the service compiles a ruleset: the peer's work. */
    @State(Scope.Benchmark)
    public static class TwoTables {

        CompiledRuleset ruleset;

        @Setup(Level.Trial)
        public void compile() {
            ruleset = new RulesetCompiler().compile(new RulesDirectory().read(ShippedRules.RULES).stream()
                    .filter(file -> file.name().equals("tiers.xlsx") || file.name().equals("service-plans.xlsx"))
                    .toList());
        }
    }

    /** Camunda's tables, and per customer what the service-plan table reads from the other rules. */
    @State(Scope.Benchmark)
    public static class Camunda {

        @Param({ "default", "legacy" })
        public String feel;

        CamundaTables tables;
        String[] tierInForce;
        String[] churnRisk;
        String[] lifecycleStage;

        @Setup(Level.Trial)
        public void parse(Shipped shipped) {
            tables = new CamundaTables(feel.equals("legacy"));
            tierInForce = new String[CUSTOMERS];
            churnRisk = new String[CUSTOMERS];
            lifecycleStage = new String[CUSTOMERS];
            for (int i = 0; i < CUSTOMERS; i++) {
                Evaluation decided = Evaluator.decide(shipped.customers.get(i), shipped.ruleset, null);
                tierInForce[i] = decided.tier();
                churnRisk[i] = decided.churnRisk();
                lifecycleStage[i] = decided.lifecycleStage();
            }
        }
    }

    /** Each benchmark thread walks the customers on its own. */
    @State(Scope.Thread)
    public static class Cursor {

        private int next;

        int next() {
            int customer = next;
            next = next + 1 == CUSTOMERS ? 0 : next + 1;
            return customer;
        }
    }

    @Benchmark
    public Evaluation fullDecision(Shipped shipped, Cursor cursor) {
        return Evaluator.run(shipped.customers.get(cursor.next()), shipped.ruleset);
    }

    @Benchmark
    public Evaluation withoutExplanation(Shipped shipped, Cursor cursor) {
        return Evaluator.decide(shipped.customers.get(cursor.next()), shipped.ruleset, null);
    }

    /** The tier and service-plan tables alone, explanation captured: the same tables as Camunda's. */
    @Benchmark
    public Evaluation twoTables(Shipped shipped, TwoTables tables, Cursor cursor) {
        return Evaluator.run(shipped.customers.get(cursor.next()), tables.ruleset);
    }

    @Benchmark
    public HandWrittenPolicy.Decision handWritten(Shipped shipped, Cursor cursor) {
        return HandWrittenPolicy.decide(shipped.customers.get(cursor.next()));
    }

    @Benchmark
    public CamundaTables.Decision camunda(Shipped shipped, Camunda camunda, Cursor cursor) {
        int i = cursor.next();
        return new CamundaTables.Decision(camunda.tables.tier(shipped.customers.get(i)),
                camunda.tables.servicePlan(camunda.tierInForce[i], camunda.churnRisk[i], camunda.lifecycleStage[i]));
    }
}
