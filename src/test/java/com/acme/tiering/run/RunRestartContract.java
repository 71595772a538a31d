package com.acme.tiering.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import com.acme.tiering.customer.CustomerDetails;
import com.acme.tiering.customer.Customers;
import com.acme.tiering.customer.NewOrder;
import com.acme.tiering.decision.DecisionRecorder;
import com.acme.tiering.decision.ShadowDifferences;
import com.acme.tiering.evaluation.Evaluator;
import com.acme.tiering.facts.CustomerFactsService;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.ShadowRuleset;
import com.acme.tiering.support.DatabaseCleaner;
import com.acme.tiering.support.FullRun;

/**
 * A run whose database goes away in the middle (the third chunk fails as a lost connection would) is not
 * failed: once its heartbeat is stale it is resumed by Spring Batch from its last committed chunk, so no
 * finished chunk is redone and every customer ends with exactly one decision from that run.
 */
@SpringBootTest(properties = { "tiering.run.chunk-size=5", "tiering.run.stale-after=PT1S",
        "tiering.run.heartbeat=PT0.2S" })
// A context of its own (a 0.2 s heartbeat, a flaky run step): closed after the class, so that its heartbeat stops.
@DirtiesContext
abstract class RunRestartContract {

    private static final int CUSTOMERS = 30;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    Customers customers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    FlakyRunExecution execution;

    @BeforeEach
    void thirtyCustomers() {
        DatabaseCleaner.clean(jdbc);
        LocalDate today = LocalDate.now(clock);
        for (int i = 1; i <= CUSTOMERS; i++) {
            String id = "R-%03d".formatted(i);
            customers.upsert(id, new CustomerDetails("Restart Customer " + i, "Retail", "North", 10, "Ola Owner"));
            customers.recordOrders(id, List.of(new NewOrder("o-" + i, today.minusDays(i * 7L),
                    new java.math.BigDecimal(i * 1000))));
        }
        execution.chunks.clear();
        execution.failOnce.set(true);
    }

    @Test
    void aRunInterruptedByADatabaseOutageResumesFromItsLastCommittedChunk() throws Exception {
        EvaluationRun run = runs.start("TEST");
        EvaluationRun done = FullRun.awaitEnded(runs, run.id(), Duration.ofSeconds(30));

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.processed()).isEqualTo(CUSTOMERS);
        assertThat(jdbc.queryForObject("SELECT restarts FROM evaluation_run WHERE id = ?", Integer.class, run.id()))
                .isEqualTo(1);
        // Chunks 1 and 2 committed, chunk 3 failed; the restart began again at chunk 3, not at chunk 1.
        assertThat(execution.chunks).hasSize(7);
        assertThat(execution.chunks.get(3)).isEqualTo(execution.chunks.get(2));
        assertThat(execution.chunks.get(3).get(0)).isEqualTo("R-011");
        assertThat(execution.chunks.stream().skip(3).flatMap(List::stream).distinct().count()).isEqualTo(20);
        // Exactly one current decision per customer, all from this run; one history row each.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM current_decision WHERE run_id = ?", Integer.class,
                run.id())).isEqualTo(CUSTOMERS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM decision_history", Integer.class)).isEqualTo(CUSTOMERS);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT customer_id) FROM decision_history", Integer.class))
                .isEqualTo(CUSTOMERS);
        // Spring Batch kept the story: one job instance, a failed execution and the one that completed it.
        assertThat(jdbc.queryForList("""
                SELECT e.STATUS FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                WHERE p.PARAMETER_NAME = 'runId' AND p.PARAMETER_VALUE = ? ORDER BY e.JOB_EXECUTION_ID
                """, String.class, String.valueOf(run.id()))).containsExactly("FAILED", "COMPLETED");
    }

    @Test
    void onlyOneRunGoesAtATime() {
        execution.failOnce.set(false);
        EvaluationRun first = runs.start("TEST");
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> runs.start("TEST"))
                    .isInstanceOf(RunAlreadyInProgress.class);
        }
        finally {
            FullRun.awaitEnded(runs, first.id(), Duration.ofSeconds(30));
        }
    }

    /** The real chunk work, with a lost database on the third chunk the first time round. */
    static class FlakyRunExecution extends RunExecution {

        final List<List<String>> chunks = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean failOnce = new AtomicBoolean(true);

        FlakyRunExecution(RunStore runs, CustomerFactsService facts, Evaluator evaluator, DecisionPath path,
                DecisionRecorder recorder, ActiveRuleset active, Clock clock, ShadowRuleset shadow,
                ShadowDifferences differences, RunMetrics metrics) {
            super(runs, facts, evaluator, path, recorder, active, clock, shadow, differences, metrics);
        }

        @Override
        void evaluateChunk(long runId, LocalDate asOf, List<String> ids) {
            chunks.add(List.copyOf(ids));
            super.evaluateChunk(runId, asOf, ids);
            if (chunks.size() == 3 && failOnce.getAndSet(false)) {
                throw new TransientDataAccessResourceException("Connection to the database lost (test)");
            }
        }
    }
}
