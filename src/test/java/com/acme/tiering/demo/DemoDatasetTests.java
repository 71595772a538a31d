package com.acme.tiering.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.decision.DecisionSummary;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.support.DemoRun;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestProfiles;

/**
 * The demo dataset, loaded at start-up into an empty database and evaluated by the shipped rules,
 * shows everything PRODUCT.md §4 can decide.
 */
@ServiceTest
@ActiveProfiles(TestProfiles.DEMO)
class DemoDatasetTests {

    @Autowired
    EvaluationRuns runs;

    @Autowired
    DecisionQueries decisions;

    @Test
    void theEvaluatedDemoShowsEveryTierPlanStageSegmentAndTrigger() throws InterruptedException {
        DemoRun.awaitCompleted(runs);

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
}
