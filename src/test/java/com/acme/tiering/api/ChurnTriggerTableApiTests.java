package com.acme.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.acme.tiering.evaluation.LegacyChurnTriggers;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.facts.CustomerFactsService;
import com.acme.tiering.run.EvaluationRun;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.support.ChurnTriggerChanges;
import com.acme.tiering.support.DemoRun;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestProfiles;
import com.acme.tiering.support.TieringApi;

import tools.jackson.databind.json.JsonMapper;

/**
 * The trigger table on the demo data: it decides every demo customer as the former DRL did, and an operations
 * manager (no rule author) changes it through the API as any other table: checked, tested and simulated, the
 * simulation naming the alerts that would close. In the demo context, whose other classes put the shipped rules
 * back in force when they change them.
 */
@ServiceTest
@ActiveProfiles(TestProfiles.DEMO)
class ChurnTriggerTableApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TieringApi api;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    CustomerFactsService facts;

    @Autowired
    JsonMapper json;

    @Test
    void theTableDecidesEveryDemoCustomerAsTheDrlDid() throws InterruptedException {
        List<CustomerFacts> demo = demoFacts();

        LegacyChurnTriggers.Comparison comparison = LegacyChurnTriggers.compareWithShipped(demo);

        System.out.printf("churn triggers, DRL vs table: %,d demo customers compared, %,d differences%n",
                comparison.compared(), comparison.differences().size());
        assertThat(comparison.compared()).isEqualTo(2000);
        assertThat(comparison.differences()).as("demo customers the table decides otherwise than the DRL").isEmpty();
    }

    @Test
    void anOperationsManagerRaisesComplaintBurstToThreeAndSeesTheAlertsThatWouldClose() throws Exception {
        long withTwoComplaints = demoFacts().stream().filter(f -> f.complaintsLast90d() == 2).count();
        // the operations manager's own scenarios follow the change: a burst, and a key account at high risk, need 3
        ChurnTriggerChanges threeComplaints = ChurnTriggerChanges
                .of(Files.readAllBytes(Path.of("rules", ChurnTriggerChanges.FILE))).complaintBurstAtThree();

        String created = api.upload(httpBasic("ops", "ops-demo"), List.of(threeComplaints.table()),
                threeComplaints.tests(), "three complaints make a burst")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.findings").isEmpty())
                .andExpect(jsonPath("$.failingTests").isEmpty())
                .andReturn().getResponse().getHeader("Location");
        String simulation = mvc.perform(post(created + "/simulation").with(httpBasic("ops", "ops-demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Map<?, ?> report = json.readValue(simulation, Map.class);
        assertThat(withTwoComplaints).as("demo customers with exactly two complaints").isPositive();
        assertThat(counts(report.get("alertsClosing")))
                .containsExactly(Map.entry("COMPLAINT_BURST", withTwoComplaints));
        assertThat(counts(report.get("alertsOpening"))).isEmpty();
    }

    private static Map<String, Long> counts(Object byTrigger) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        ((Map<?, ?>) byTrigger).forEach((trigger, count) -> counts.put((String) trigger, ((Number) count).longValue()));
        return counts;
    }

    /** The facts of every demo customer, as the first run decided them. */
    private List<CustomerFacts> demoFacts() throws InterruptedException {
        EvaluationRun run = firstRun();
        List<CustomerFacts> all = new ArrayList<>();
        for (List<String> ids = facts.customerIdsAfter(null, 500); !ids.isEmpty();
                ids = facts.customerIdsAfter(ids.get(ids.size() - 1), 500)) {
            all.addAll(facts.factsForRun(run.id(), run.asOf(), ids));
        }
        return all;
    }

    private EvaluationRun firstRun() {
        return DemoRun.awaitCompleted(runs);
    }
}
