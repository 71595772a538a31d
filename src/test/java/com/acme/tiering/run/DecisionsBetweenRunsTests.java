package com.acme.tiering.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.acme.tiering.customer.CustomerDetails;
import com.acme.tiering.customer.Customers;
import com.acme.tiering.customer.InteractionType;
import com.acme.tiering.customer.NewInteraction;
import com.acme.tiering.customer.NewOrder;
import com.acme.tiering.decision.Decision;
import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.facts.CustomerFactsService;
import com.acme.tiering.support.DemoRun;
import com.acme.tiering.support.FullRun;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestProfiles;

/**
 * Between runs a single evaluation decides as the run did (PRODUCT.md §5): the 2,000-customer demo, evaluated by
 * its run, re-evaluated one customer at a time as {@code POST /customers/{id}/evaluation} does. Each test holds
 * whatever the others did before it: each starts from decisions that the latest run or single evaluations made.
 */
@ServiceTest
@ActiveProfiles(TestProfiles.DEMO)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DecisionsBetweenRunsTests {

    @Autowired
    EvaluationRuns runs;

    @Autowired
    CustomerEvaluation evaluation;

    @Autowired
    DecisionQueries decisions;

    @Autowired
    Customers customers;

    @Autowired
    CustomerFactsService facts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @BeforeEach
    void demoEvaluated() throws InterruptedException {
        DemoRun.awaitCompleted(runs);
    }

    /** What a decision decided, and the population-relative facts it was made with, to the last digit. */
    record Decided(String tier, String qualifiedTier, String plan, String lifecycleStage, String rfmSegment,
            String churnRisk, List<String> signals, LocalDate tierSince, LocalDate downgradePendingSince,
            Integer rScore, Integer fScore, Integer mScore, BigDecimal paretoShare) {

        static Decided of(Decision d) {
            return new Decided(d.tier(), d.qualifiedTier(), d.servicePlan() == null ? null : d.servicePlan().code(),
                    d.lifecycleStage(), d.rfmSegment(), d.churnRisk(),
                    d.churnSignals().stream().map(s -> s.triggerId() + ":" + s.risk()).sorted().toList(), d.tierSince(),
                    d.downgradePendingSince(), d.facts().rScore(), d.facts().fScore(), d.facts().mScore(),
                    d.facts().paretoShare());
        }

        /** This decision without one trigger's signal: the churn risk is the highest of the others (§4.4). */
        Decided withoutSignal(String triggerId) {
            List<String> others = signals.stream().filter(s -> !s.startsWith(triggerId + ":")).toList();
            String risk = others.stream().map(s -> s.substring(s.indexOf(':') + 1))
                    .max(java.util.Comparator.comparing(RISKS::indexOf)).orElse("NONE");
            return new Decided(tier, qualifiedTier, plan, lifecycleStage, rfmSegment, risk, others, tierSince,
                    downgradePendingSince, rScore, fScore, mScore, paretoShare);
        }

        private static final List<String> RISKS = List.of("LOW", "MEDIUM", "HIGH");
    }

    private List<String> customerIds() {
        return jdbc.queryForList("SELECT customer_id FROM customer ORDER BY customer_id", String.class);
    }

    private Map<String, Decided> decided(List<String> ids) {
        return decisions.current(ids).stream().collect(Collectors.toMap(Decision::customerId, Decided::of));
    }

    private long historyRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM decision_history", Long.class);
    }

    private static List<String> differences(Map<String, Decided> before, Map<String, Decided> after,
            Function<Decided, Decided> expected) {
        List<String> differences = new ArrayList<>();
        before.forEach((id, decided) -> {
            if (!Objects.equals(expected.apply(decided), after.get(id))) {
                differences.add(id + ": " + decided + " → " + after.get(id));
            }
        });
        return differences;
    }

    @Test
    void everyCustomerReEvaluatedAloneWithoutAChangeKeepsItsDecisionAndWritesNoHistory() {
        List<String> ids = customerIds();
        Map<String, Decided> before = decided(ids);
        long history = historyRows();

        ids.forEach(evaluation::evaluateOnRequest);

        assertThat(ids).hasSizeGreaterThanOrEqualTo(2000);
        assertThat(differences(before, decided(ids), Function.identity())).isEmpty();
        assertThat(historyRows()).isEqualTo(history);
    }

    /**
     * After a full run, a call today touches no R, F or M input: scores, share, segment, tier and plan stay; the
     * only thing that may change is that a strategic or key account is no longer "gone silent", and only that
     * writes history.
     */
    @Test
    void aCallChangesNoScoreShareSegmentOrTierOnlyEndsGoneSilent() throws InterruptedException {
        FullRun.completed(runs);
        List<String> ids = customerIds();
        Map<String, Decided> before = decided(ids);
        long history = historyRows();
        long goneSilent = before.values().stream().filter(d -> d.signals().stream()
                .anyMatch(s -> s.startsWith("GONE_SILENT:"))).count();

        LocalDate today = LocalDate.now(clock);
        for (String id : ids) {
            customers.recordInteractions(id, List.of(new NewInteraction("call-" + today + "-" + id, today,
                    InteractionType.CALL, false, null)));
            evaluation.evaluateNow(id);
        }

        assertThat(goneSilent).isPositive();
        assertThat(differences(before, decided(ids), d -> d.withoutSignal("GONE_SILENT"))).isEmpty();
        assertThat(historyRows()).isEqualTo(history + goneSilent);
    }

    /**
     * 12 orders of 5,000,000 in the last year top every demo customer: evaluated at once, nobody is above it
     * (paretoShare 0, Strategic), exactly what the next run gives it. Until then the explanation names the run
     * whose population it was placed in.
     */
    @Test
    void aNewCustomerThatTopsThePopulationIsStrategicAtOnceAndAfterTheNextRun() throws InterruptedException {
        long demoRun = runs.latest(1).get(0).id();
        LocalDate today = LocalDate.now(clock);
        customers.upsert("BIG-NEW", new CustomerDetails("Big New Account", "Retail", "North", 5000, "Kim Rep"));
        customers.recordOrders("BIG-NEW", IntStream.range(0, 12).mapToObj(month -> new NewOrder("big-" + month,
                today.minusDays(5 + 30L * month), new BigDecimal("5000000"))).toList());

        Decision atOnce = evaluation.evaluateOnRequest("BIG-NEW");

        assertThat(atOnce.facts().paretoShare()).isEqualByComparingTo("0");
        assertThat(atOnce.tier()).isEqualTo("A");
        assertThat(atOnce.servicePlan().code()).isEqualTo("STRATEGIC");
        assertThat(facts.statisticsFor(atOnce.runId(), atOnce.evaluatedAt())).get()
                .satisfies(stats -> assertThat(stats.runId()).isEqualTo(demoRun));

        EvaluationRun next = FullRun.completed(runs);
        Decision afterRun = decisions.currentOrThrow("BIG-NEW");

        assertThat(afterRun.runId()).isEqualTo(next.id());
        assertThat(afterRun.tier()).isEqualTo("A");
        assertThat(Decided.of(afterRun)).isEqualTo(Decided.of(atOnce));
    }
}
