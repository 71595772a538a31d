package com.acme.tiering.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.decision.DecisionRecorder;
import com.acme.tiering.decision.HistoryVerification;
import com.acme.tiering.decision.ShadowDifferences;
import com.acme.tiering.evaluation.Evaluator;
import com.acme.tiering.facts.CustomerFactsService;
import com.acme.tiering.governance.RulesetVersions;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.ShadowRuleset;
import com.acme.tiering.support.DemoRun;
import com.acme.tiering.support.Governance;
import com.acme.tiering.support.StrategicBar;

/**
 * The version in force rolled back while the run its publication started is going, on the 1,000 demo customers in
 * chunks of 100: the run goes on with the version put back in force, then decides again the customers it had
 * decided with the retired one, restoring what the retired version changed; it ends with no decision of the
 * retired version left and names both versions, each with the decisions it made.
 */
@SpringBootTest(properties = { "tiering.demo.enabled=true", "tiering.demo.customers=1000",
        "tiering.run.chunk-size=100" })
@AutoConfigureMockMvc
@Import(RollbackDuringRunTests.PausingRuns.class)
class RollbackDuringRunTests {

    private static final int CHUNKS_BEFORE_ROLLBACK = 3;

    @Autowired
    Governance governance;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    DecisionQueries decisions;

    @Autowired
    HistoryVerification history;

    @Autowired
    PausingRunExecution execution;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void customersDecidedByTheRetiredVersionAreDecidedAgainBeforeTheRunEndsAndTheRunNamesBothVersions()
            throws Exception {
        EvaluationRun demo = DemoRun.awaitCompleted(runs);
        RulesetVersions.Version shipped = governance.versions().activeVersion().orElseThrow();
        Map<String, String> before = tiers();
        execution.pauseBeforeChunk(CHUNKS_BEFORE_ROLLBACK + 1, demo.id());

        RulesetVersions.Version loose = governance.uploadAndPublish(
                List.of(StrategicBar.tiers(governance.active(), 3)), StrategicBar.tests(3), "ops");
        assertThat(execution.paused.await(2, TimeUnit.MINUTES)).as("the publication's run reached its 4th chunk").isTrue();
        long runId = runs.latest(1).get(0).id();
        assertThat(decidedBy(loose.contentHash())).as("decided by the looser version before the rollback")
                .isEqualTo(CHUNKS_BEFORE_ROLLBACK * 100);
        governance.publication().activate(shipped.id(), "ops", "rolled back during its run");
        execution.resume.countDown();
        EvaluationRun run = DemoRun.awaitCompleted(runs);

        assertThat(run.id()).isEqualTo(runId);
        assertThat(decidedBy(loose.contentHash())).as("decisions of the retired version left").isZero();
        assertThat(run.redecided()).isEqualTo(CHUNKS_BEFORE_ROLLBACK * 100);
        assertThat(run.rulesets()).extracting(EvaluationRun.RulesetUse::versionId, EvaluationRun.RulesetUse::decisions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(loose.id(), CHUNKS_BEFORE_ROLLBACK * 100),
                        org.assertj.core.groups.Tuple.tuple(shipped.id(), 1000));
        assertThat(tiers()).as("every customer's tier as before the retired version").isEqualTo(before);
        assertThat(restoredBy(loose.id())).as("customers the retired version had moved, restored").isPositive();
        assertThat(history.verify().intact()).isTrue();
        mvc.perform(get("/api/v1/evaluation-runs/" + runId)).andExpect(jsonPath("$.redecided").value(300))
                .andExpect(jsonPath("$.rulesets[*].rulesetVersion",
                        Matchers.contains(loose.contentHash(), shipped.contentHash())));
        mvc.perform(get("/runs/" + runId)).andExpect(content().string(Matchers.allOf(
                Matchers.containsString("Version " + loose.id() + "</a>"),
                Matchers.containsString("Version " + shipped.id() + "</a>"))));
    }

    private Map<String, String> tiers() {
        Map<String, String> tiers = new TreeMap<>();
        jdbc.query("SELECT customer_id, tier FROM current_decision", rs -> {
            tiers.put(rs.getString(1), rs.getString(2));
        });
        return tiers;
    }

    private int decidedBy(String rulesetVersion) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM current_decision WHERE ruleset_version = ?", Integer.class,
                rulesetVersion);
    }

    private long restoredBy(long versionId) {
        return jdbc.queryForList("SELECT customer_id FROM current_decision", String.class).stream()
                .map(id -> decisions.history(id)).filter(rows -> !rows.isEmpty())
                .map(rows -> rows.get(rows.size() - 1)).filter(d -> d.restoration() != null)
                .filter(d -> d.restoration().rolledBackVersionId() == versionId).count();
    }

    /** Runs whose chunks can wait, before any of their work, for the test to change the rules in force. */
    @TestConfiguration
    static class PausingRuns {

        @Bean
        @Primary
        PausingRunExecution pausingRunExecution(RunStore runs, CustomerFactsService facts, Evaluator evaluator,
                DecisionPath path, DecisionRecorder recorder, ActiveRuleset active, Clock clock, ShadowRuleset shadow,
                ShadowDifferences differences, RunMetrics metrics) {
            return new PausingRunExecution(runs, facts, evaluator, path, recorder, active, clock, shadow, differences,
                    metrics);
        }
    }

    /** The real chunk work, which waits once before the given chunk of the first run after a given one. */
    static class PausingRunExecution extends RunExecution {

        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        private final AtomicInteger chunks = new AtomicInteger();
        private volatile int pauseBefore = -1;
        private volatile long afterRun = Long.MAX_VALUE;

        PausingRunExecution(RunStore runs, CustomerFactsService facts, Evaluator evaluator, DecisionPath path,
                DecisionRecorder recorder, ActiveRuleset active, Clock clock, ShadowRuleset shadow,
                ShadowDifferences differences, RunMetrics metrics) {
            super(runs, facts, evaluator, path, recorder, active, clock, shadow, differences, metrics);
        }

        void pauseBeforeChunk(int chunk, long afterRunId) {
            this.pauseBefore = chunk;
            this.afterRun = afterRunId;
        }

        @Override
        void evaluateChunk(long runId, LocalDate asOf, List<String> ids) {
            if (runId > afterRun && chunks.incrementAndGet() == pauseBefore) {
                paused.countDown();
                try {
                    resume.await(2, TimeUnit.MINUTES);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            super.evaluateChunk(runId, asOf, ids);
        }
    }
}
