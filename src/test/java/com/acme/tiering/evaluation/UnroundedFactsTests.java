package com.acme.tiering.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.acme.tiering.evaluation.Evaluation.ChurnSignal;
import com.acme.tiering.facts.FactPrecision;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.ruleset.RulesDirectory;
import com.acme.tiering.ruleset.RulesetCompiler;

/**
 * Facts at the precision the service derives them (FactPrecision) decide at §4's boundaries as the brief says,
 * whether Drools evaluates a constraint interpreted by MVEL or JIT-compiled to bytecode. The two multiply
 * differently: the JIT in DECIMAL128, interpreted MVEL {@code 3 * x} (an int literal first) through a double. With
 * avgInterOrderDays = 91/3 to 40 digits both give exactly 91; with 34 digits the JIT gives 90.99…99 and HIGH.
 * Each case runs 30 times on the shipped rules compiled with jitting at once (0), never (-1), and after Drools'
 * default 20 evaluations.
 */
class UnroundedFactsTests {

    /** 4 orders over 91 days: the usual interval is 91/3 days, as the service derives it. */
    private static final String THIRTY_AND_A_THIRD = FactPrecision.ratio(BigDecimal.valueOf(91), BigDecimal.valueOf(3))
            .toPlainString();

    private static final java.util.Map<String, CompiledRuleset> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Drools' default threshold is the shipped rules as every other test compiles them. */
    private static CompiledRuleset compiledWithJittingThreshold(String threshold) {
        return threshold.equals("20") ? ShippedRules.ruleset()
                : COMPILED.computeIfAbsent(threshold, UnroundedFactsTests::compile);
    }

    private static CompiledRuleset compile(String threshold) {
        String before = System.getProperty("drools.jittingThreshold");
        System.setProperty("drools.jittingThreshold", threshold);
        try {
            List<RuleFile> files = new RulesDirectory().read(ShippedRules.RULES);
            return new RulesetCompiler().compile(files);
        }
        finally {
            if (before == null) {
                System.clearProperty("drools.jittingThreshold");
            }
            else {
                System.setProperty("drools.jittingThreshold", before);
            }
        }
    }

    private static List<Evaluation> thirtyTimes(String threshold, String csv) {
        CompiledRuleset ruleset = compiledWithJittingThreshold(threshold);
        RuleScenario scenario = RuleTestSuite.parse("t.csv", csv).get(0);
        return java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> ShippedRules.evaluator().evaluate(scenario.facts(), ruleset)).toList();
    }

    private static String overdue(List<ChurnSignal> signals) {
        return signals.stream().filter(s -> s.triggerId().equals("OVERDUE_PURCHASE")).map(ChurnSignal::risk)
                .findFirst().orElse("none");
    }

    @ParameterizedTest(name = "jitting threshold {0}")
    @ValueSource(strings = { "0", "-1", "20" })
    void silentForExactlyThreeTimesTheUsualIntervalIsOverdueMediumNotHigh(String threshold) {
        String header = "paretoShare,ordersLast12m,firstOrderDate,recencyDays,avgInterOrderDays,lastContactDays\n";

        List<Evaluation> atThreeTimes = thirtyTimes(threshold, header + "0.95,4,2024-01-01,91," + THIRTY_AND_A_THIRD
                + ",10\n");
        List<Evaluation> aDayLater = thirtyTimes(threshold, header + "0.95,4,2024-01-01,92," + THIRTY_AND_A_THIRD
                + ",10\n");

        assertThat(atThreeTimes).allSatisfy(e -> {
            assertThat(overdue(e.churnSignals())).isEqualTo("MEDIUM");
            assertThat(e.tier()).isEqualTo("C");
            assertThat(e.servicePlan().code()).isEqualTo("STANDARD");
        });
        assertThat(aDayLater).allSatisfy(e -> {
            assertThat(overdue(e.churnSignals())).isEqualTo("HIGH");
            assertThat(e.servicePlan().code()).isEqualTo("STANDARD_RETENTION");
        });
    }

    @ParameterizedTest(name = "jitting threshold {0}")
    @ValueSource(strings = { "0", "-1", "20" })
    void silentForExactlyTwiceTheUsualIntervalIsNotOverdue(String threshold) {
        // 5 orders over 182 days: 45.5 days apart; 91 days silent is exactly twice that
        String header = "paretoShare,ordersLast12m,firstOrderDate,recencyDays,avgInterOrderDays,lastContactDays\n";

        assertThat(thirtyTimes(threshold, header + "0.95,5,2024-01-01,91,45.5,10\n"))
                .allSatisfy(e -> assertThat(overdue(e.churnSignals())).isEqualTo("none"));
        assertThat(thirtyTimes(threshold, header + "0.95,5,2024-01-01,92,45.5,10\n"))
                .allSatisfy(e -> assertThat(overdue(e.churnSignals())).isEqualTo("MEDIUM"));
    }

    @ParameterizedTest(name = "jitting threshold {0}")
    @ValueSource(strings = { "0", "-1", "20" })
    void growthOf49point99995PercentIsNotFastGrowing(String threshold) {
        String header = "paretoShare,revenueLast12m,revenuePrev12m,revenueGrowthPct,ordersLast12m\n";

        assertThat(thirtyTimes(threshold, header + "0.95,29999.99,20000,49.99995,3\n"))
                .allSatisfy(e -> assertThat(e.tier()).isEqualTo("C"));
        assertThat(thirtyTimes(threshold, header + "0.95,30000,20000,50,3\n"))
                .allSatisfy(e -> assertThat(e.tier()).isEqualTo("B"));
    }
}
