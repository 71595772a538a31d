package com.acme.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.acme.tiering.evaluation.LegacyChurnTriggers;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.facts.CustomerFactsService;
import com.acme.tiering.run.EvaluationRun;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.run.RunStatus;
import com.acme.tiering.support.Workbooks;

import tools.jackson.databind.json.JsonMapper;

/**
 * The trigger table on the demo data: it decides every demo customer as the former DRL did, and an operations
 * manager (no rule author) changes it through the API as any other table: checked, tested and simulated, the
 * simulation naming the alerts that would close.
 */
@SpringBootTest(properties = { "tiering.demo.enabled=true", "tiering.demo.customers=2000" })
@AutoConfigureMockMvc
class ChurnTriggerTableApiTests {

    @Autowired
    MockMvc mvc;

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
        byte[] table = Files.readAllBytes(Path.of("rules/churn-triggers.xlsx"));
        byte[] threeComplaints = Workbooks.withCell(table, "ChurnTriggers", 14, 7, 3);
        String tests = Files.readString(Path.of("rule-tests/churn-triggers.csv"))
                .replace("Complaint burst: two complaints in 90 days,0.95,2,2023-01-01,10,,,,2,",
                        "Complaint burst: three complaints in 90 days,0.95,2,2023-01-01,10,,,,3,");
        // the operations manager's own scenarios follow the change: a burst, and a key account at high risk, need 3
        String plans = Files.readString(Path.of("rule-tests/service-plans.csv"))
                .replace("Key account at high churn risk,0.80,3,2022-01-01,20,2,",
                        "Key account at high churn risk,0.80,3,2022-01-01,20,3,");

        String created = mvc.perform(multipart("/api/v1/rulesets")
                .file(new MockMultipartFile("files", "churn-triggers.xlsx", "application/octet-stream",
                        threeComplaints))
                .file(new MockMultipartFile("tests", "churn-triggers.csv", "text/csv",
                        tests.getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("tests", "service-plans.csv", "text/csv",
                        plans.getBytes(StandardCharsets.UTF_8)))
                .param("comment", "three complaints make a burst").with(httpBasic("ops", "ops-demo")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.findings").isEmpty())
                // the context is shared with SimulationAndRollbackTests, which may leave its stricter tier table in
                // force with its own tiers.csv failing: the scenarios this change touches must all pass
                .andExpect(jsonPath("$.failingTests[?(@.file == 'churn-triggers.csv' || @.file == 'service-plans.csv')]")
                        .isEmpty())
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
        return com.acme.tiering.support.DemoRun.awaitCompleted(runs);
    }
}
