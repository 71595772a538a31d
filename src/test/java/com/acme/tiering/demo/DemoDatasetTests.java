package com.acme.tiering.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.decision.DecisionSummary;
import com.acme.tiering.run.EvaluationRun;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.run.RunStatus;

/**
 * The demo dataset, loaded at start-up into an empty database and evaluated by the shipped rules,
 * shows everything PRODUCT.md §4 can decide.
 */
@SpringBootTest(properties = { "tiering.demo.enabled=true", "tiering.demo.customers=2000" })
class DemoDatasetTests {

    @Autowired
    EvaluationRuns runs;

    @Autowired
    DecisionQueries decisions;

    @Test
    void theEvaluatedDemoShowsEveryTierPlanStageSegmentAndTrigger() throws InterruptedException {
        awaitFirstRun();

        DecisionSummary summary = decisions.summary();
        assertThat(summary.decided()).isEqualTo(2000);
        assertThat(summary.byTier()).containsOnlyKeys("A", "B", "C", "D");
        assertThat(summary.byServicePlan()).containsKeys("STRATEGIC", "KEY_RETENTION", "KEY", "ONBOARDING",
                "STANDARD_RETENTION", "STANDARD", "BASIC");
        assertThat(summary.byLifecycleStage()).containsKeys("PROSPECT", "NEW", "ACTIVE", "COOLING", "DORMANT", "LOST");
        assertThat(summary.byRfmSegment().keySet()).filteredOn(segment -> !segment.equals("NONE")).hasSize(10);
        assertThat(summary.byChurnTrigger()).containsOnlyKeys("OVERDUE_PURCHASE", "REVENUE_DECLINE",
                "COMPLAINT_BURST", "UNRESOLVED_TICKETS", "GONE_SILENT", "DETRACTOR");
    }

    private void awaitFirstRun() throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            List<EvaluationRun> latest = runs.latest(1);
            if (!latest.isEmpty() && latest.get(0).status() != RunStatus.RUNNING) {
                assertThat(latest.get(0).status()).isEqualTo(RunStatus.COMPLETED);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the demo run did not finish within 60 s");
    }
}
