package com.acme.tiering.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.security.Roles;
import com.acme.tiering.support.Approval;
import com.acme.tiering.support.ChurnTriggerChanges;
import com.acme.tiering.support.DemoRun;
import com.acme.tiering.support.DormantTier;
import com.acme.tiering.support.Governance;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestProfiles;
import com.acme.tiering.support.TierCatalogs;
import com.acme.tiering.support.TieringApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16's scripted round trip on the 2,000 demo customers, through the API only, as an operations manager (user
 * ops with the operations manager's role alone: no DRL, no rule author): rename B to Gold, add tier E Dormant ranked
 * between C and D with its own plan row and a new entitlement freeShipping, raise COMPLAINT_BURST to three
 * complaints and add a trigger BIG_DROP, in one draft; it validates clean, its simulation shows the migration into E
 * and the alerts that would close and open, a reviewer approves it, ops publishes it and lookups, the summary and
 * the alerts follow; rolling back brings the four tiers, the summary and the alerts back and the history keeps the
 * names of its time. The simulation's customer-by-customer view (the API answers its counts) says which customers
 * the counts are.
 */
@ServiceTest
@ActiveProfiles(TestProfiles.DEMO)
class PolicyRoundTripTests {

    /** The operations manager, and no other role. */
    private static final RequestPostProcessor OPS = user("ops").roles(Roles.OPS_MANAGER);
    private static final Duration DEMO_RUN = Duration.ofMinutes(3);
    private static final String BURST = "COMPLAINT_BURST";
    private static final String BIG_DROP = ChurnTriggerChanges.BIG_DROP;

    @Autowired
    MockMvc mvc;

    @Autowired
    TieringApi api;

    @Autowired
    Governance governance;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    JsonMapper json;

    /**
     * What the simulation of the change says customer by customer: who moves into E, whose alerts would open and
     * close (trigger → customers), a Key customer that stays in B with other churn signals, and one that stays in B
     * with nothing changed but the tier's name.
     */
    record Predicted(Set<String> intoDormant, Map<String, Set<String>> opening, Map<String, Set<String>> closing,
            String keyWithOtherSignals, String keyOnlyRenamed) {
    }

    /** The demo context is shared (TestProfiles.DEMO): should the test stop half-way, the shipped rules go back. */
    @AfterAll
    static void shippedRulesBackInForce(@Autowired Governance governance, @Autowired EvaluationRuns runs) {
        if (governance.firstVersionBackInForce("ops")) {
            DemoRun.awaitCompleted(runs);
        }
    }

    @Test
    void anOperationsManagerChangesTiersEntitlementsAndTriggersPublishesAndRollsBack() throws Exception {
        DemoRun.awaitCompleted(runs);
        long before = activeVersionId();
        JsonNode summaryBefore = read(get("/api/v1/decisions/summary"));
        Map<String, Long> burstsBefore = openAlerts(BURST);

        String draft = uploadTheChange(before);
        JsonNode report = read(post(draft + "/simulation"));
        Predicted predicted = predicted(Long.parseLong(draft.substring(draft.lastIndexOf('/') + 1)));
        System.out.printf("policy round trip: %d customers into E, %d bursts of two complaints close, %d big drops "
                + "open%n", predicted.intoDormant().size(), predicted.closing().getOrDefault(BURST, Set.of()).size(),
                predicted.opening().getOrDefault(BIG_DROP, Set.of()).size());
        theSimulationShowsTheMigrationIntoEAndTheAlerts(report, predicted, burstsBefore);
        List<String> keyWithOtherSignals = tierNames(predicted.keyWithOtherSignals());
        List<String> keyOnlyRenamed = tierNames(predicted.keyOnlyRenamed());

        Approval.approve(mvc, draft);
        mvc.perform(post(draft + "/publish").with(OPS)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        api.awaitNoRunGoing(DEMO_RUN);
        lookupsSummaryAndAlertsFollowTheNewPolicy(predicted, burstsBefore);

        mvc.perform(post("/api/v1/rulesets/" + before + "/activate").with(OPS)).andExpect(status().isOk());
        api.awaitNoRunGoing(DEMO_RUN);
        rollingBackBringsTheFourTiersAndTheirAlertsBack(summaryBefore, predicted, burstsBefore);
        historyKeepsTheNamesOfItsTime(predicted.keyWithOtherSignals(), keyWithOtherSignals);
        // issue 16: a rename alone changes the name a decision has, so it too is kept in the history
        historyKeepsTheNamesOfItsTime(predicted.keyOnlyRenamed(), keyOnlyRenamed);
    }

    /** The files in force downloaded, edited as rules/README.md shows, uploaded with their scenarios: a clean draft. */
    private String uploadTheChange(long inForce) throws Exception {
        ChurnTriggerChanges triggers = ChurnTriggerChanges.of(file(inForce, ChurnTriggerChanges.FILE))
                .complaintBurstAtThree().withBigDrop();
        List<RuleFile> tests = new ArrayList<>(triggers.tests());
        tests.add(DormantTier.tests());
        return api.upload(OPS, List.of(
                DormantTier.catalog(TierCatalogs.renamedRows("Strategic", "Gold", "Standard", "Basic")),
                DormantTier.tiers(file(inForce, "tiers.xlsx")), DormantTier.plans(file(inForce, "service-plans.xlsx")),
                triggers.table()), tests, "Gold, a Dormant tier with free shipping, bursts at 3, big drops")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.findings").isEmpty()).andExpect(jsonPath("$.failingTests").isEmpty())
                .andReturn().getResponse().getHeader("Location");
    }

    private void theSimulationShowsTheMigrationIntoEAndTheAlerts(JsonNode report, Predicted predicted,
            Map<String, Long> burstsBefore) {
        assertThat(predicted.intoDormant()).as("customers the simulation moves into E").isNotEmpty();
        assertThat(migrationInto(report.path("tierMigration"), DormantTier.CODE))
                .isEqualTo(predicted.intoDormant().size());
        assertThat(report.path("tierMigration").path("D").path(DormantTier.CODE).asLong()).isPositive();
        assertThat(counts(report.path("alertsClosing"))).containsExactly(Map.entry(BURST,
                (long) predicted.closing().get(BURST).size()));
        assertThat(counts(report.path("alertsOpening"))).containsExactly(Map.entry(BIG_DROP,
                (long) predicted.opening().get(BIG_DROP).size()));
        assertThat(predicted.closing().get(BURST)).as("the bursts of two complaints that close").isNotEmpty()
                .isSubsetOf(burstsBefore.keySet());
        assertThat(predicted.opening().get(BIG_DROP)).isNotEmpty();
    }

    private void lookupsSummaryAndAlertsFollowTheNewPolicy(Predicted predicted, Map<String, Long> burstsBefore)
            throws Exception {
        api.tier(predicted.keyOnlyRenamed()).andExpect(jsonPath("$.tier").value("B"))
                .andExpect(jsonPath("$.tierName").value("Gold"));
        for (String dormant : predicted.intoDormant()) {
            JsonNode lookup = read(get("/api/v1/customers/" + dormant + "/tier"));
            assertThat(lookup.path("tier").asString()).isEqualTo(DormantTier.CODE);
            assertThat(lookup.path("tierName").asString()).isEqualTo(DormantTier.NAME);
            assertThat(lookup.path("servicePlan").path("code").asString()).isEqualTo(DormantTier.PLAN);
            JsonNode freeShipping = lookup.path("servicePlan").path("entitlements").path("freeShipping");
            assertThat(freeShipping.isBoolean() && !freeShipping.asBoolean()).as(dormant + " freeShipping:false, got "
                    + freeShipping).isTrue();
        }
        JsonNode summary = read(get("/api/v1/decisions/summary"));
        assertThat(summary.path("byTier").propertyNames()).containsExactlyInAnyOrder("A", "B", "C", "D", "E");
        assertThat(summary.path("byTier").path(DormantTier.CODE).asLong()).isEqualTo(predicted.intoDormant().size());

        assertThat(openAlerts(BIG_DROP).keySet()).isEqualTo(predicted.opening().get(BIG_DROP));
        Set<String> stillBursting = new TreeSet<>(burstsBefore.keySet());
        stillBursting.removeAll(predicted.closing().get(BURST));
        assertThat(openAlerts(BURST).keySet()).isEqualTo(stillBursting);
        for (String closed : predicted.closing().get(BURST)) {
            mvc.perform(get("/api/v1/churn-alerts/" + burstsBefore.get(closed)).with(OPS))
                    .andExpect(jsonPath("$.customerId").value(closed)).andExpect(jsonPath("$.status").value("CLOSED"));
        }
    }

    private void rollingBackBringsTheFourTiersAndTheirAlertsBack(JsonNode summaryBefore, Predicted predicted,
            Map<String, Long> burstsBefore) throws Exception {
        JsonNode summary = read(get("/api/v1/decisions/summary"));
        assertThat(summary.path("byTier").propertyNames()).containsExactlyInAnyOrder("A", "B", "C", "D");
        assertThat(summary).isEqualTo(summaryBefore);
        api.tier(predicted.keyOnlyRenamed()).andExpect(jsonPath("$.tierName").value("Key"));
        assertThat(openAlerts(BIG_DROP)).isEmpty();
        assertThat(openAlerts(BURST).keySet()).isEqualTo(burstsBefore.keySet());
    }

    /**
     * Newest first: Key again after the rollback, Gold while the change was in force, then the decisions before it
     * with the names they had (Key for the latest).
     */
    private void historyKeepsTheNamesOfItsTime(String keyCustomer, List<String> namesBefore) throws Exception {
        assertThat(namesBefore).as(keyCustomer + "'s history before the change").first().isEqualTo("Key");
        List<String> names = new ArrayList<>(List.of("Key", "Gold"));
        names.addAll(namesBefore);
        assertThat(tierNames(keyCustomer)).as("the names of " + keyCustomer + "'s decisions, newest first")
                .isEqualTo(names);
    }

    /** The tier names of the customer's decisions, newest first. */
    private List<String> tierNames(String customerId) throws Exception {
        return read(get("/api/v1/customers/" + customerId + "/decisions")).valueStream()
                .map(decision -> decision.path("tierName").asString()).toList();
    }

    /** The simulation of the draft, customer by customer, before anything is published. */
    private Predicted predicted(long draftId) {
        Set<String> intoDormant = new TreeSet<>();
        Map<String, Set<String>> opening = new TreeMap<>();
        Map<String, Set<String>> closing = new TreeMap<>();
        Map<Boolean, String> stayingKey = new HashMap<>();
        governance.simulation().eachCustomer(draftId, customer -> {
            Set<String> after = customer.after().churnSignals().stream().map(s -> s.triggerId())
                    .collect(Collectors.toSet());
            after.stream().filter(t -> !customer.triggersNow().contains(t))
                    .forEach(t -> opening.computeIfAbsent(t, k -> new TreeSet<>()).add(customer.customerId()));
            customer.triggersNow().stream().filter(t -> !after.contains(t))
                    .forEach(t -> closing.computeIfAbsent(t, k -> new TreeSet<>()).add(customer.customerId()));
            if (customer.after().tier().equals(DormantTier.CODE) && !customer.tierNow().equals(DormantTier.CODE)) {
                intoDormant.add(customer.customerId());
            }
            if (customer.tierNow().equals("B") && customer.after().tier().equals("B")) {
                boolean unchanged = after.equals(customer.triggersNow())
                        && customer.after().servicePlan().code().equals(customer.planNow());
                stayingKey.putIfAbsent(unchanged, customer.customerId());
            }
        });
        assertThat(stayingKey).as("Key customers staying in B, with other signals and with none").hasSize(2);
        return new Predicted(intoDormant, opening, closing, stayingKey.get(false), stayingKey.get(true));
    }

    private long activeVersionId() throws Exception {
        return read(get("/api/v1/rulesets")).valueStream().filter(v -> v.path("status").asString().equals("ACTIVE"))
                .findFirst().orElseThrow().path("id").asLong();
    }

    /** A file of a version, downloaded as an operations manager downloads the spreadsheet to edit. */
    private byte[] file(long versionId, String name) throws Exception {
        return mvc.perform(get("/api/v1/rulesets/" + versionId + "/files/" + name).with(OPS))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    /** Customer → id of its OPEN alert of the trigger, every page of them. */
    private Map<String, Long> openAlerts(String trigger) throws Exception {
        Map<String, Long> alerts = new TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = read(get("/api/v1/churn-alerts").param("trigger", trigger).param("status", "OPEN")
                    .param("size", "500").param("page", String.valueOf(page)));
            answer.valueStream().forEach(alert -> alerts.put(alert.path("customerId").asString(),
                    alert.path("id").asLong()));
            if (answer.size() < 500) {
                return alerts;
            }
        }
    }

    private static long migrationInto(JsonNode migration, String tier) {
        long into = 0;
        for (String from : migration.propertyNames()) {
            into += from.equals(tier) ? 0 : migration.path(from).path(tier).asLong();
        }
        return into;
    }

    private static Map<String, Long> counts(JsonNode byTrigger) {
        Map<String, Long> counts = new TreeMap<>();
        byTrigger.propertyNames().forEach(trigger -> counts.put(trigger, byTrigger.path(trigger).asLong()));
        return counts;
    }

    private JsonNode read(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(TieringApi.body(mvc.perform(request.with(OPS)).andExpect(status().isOk())));
    }
}
