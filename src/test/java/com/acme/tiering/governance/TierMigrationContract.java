package com.acme.tiering.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static com.acme.tiering.support.TestData.order;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import com.acme.tiering.decision.Decision;
import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.decision.HistoryVerification;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.Governance;
import com.acme.tiering.support.TieringApi;

/**
 * Issue 16 item 3: a change of the tier catalog is previewed as a migration and applied as previewed. A tier whose
 * code changes (C → S, S replacing C) takes its customers, manual overrides and pending downgrades, with their
 * since-dates and grace, exactly as the simulation said; dropping a tier that is held without saying which tier
 * replaces it is refused at upload (422) and again at publication (409); a rename writes a history row per customer
 * in the activation run, and rollbacks of a rename and of an added tier record the tiers of then. Runs on H2 and on a
 * real MySQL-protocol server through the subclasses.
 */
@ServiceTest
abstract class TierMigrationContract {

    @Autowired
    Governance governance;

    @Autowired
    TieringApi api;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DecisionQueries decisions;

    @Autowired
    HistoryVerification history;

    LocalDate today;

    /** What a customer holds: the tier in force, since when, the downgrade waiting and what the rules qualify it for. */
    record Holding(String tier, LocalDate since, LocalDate pendingSince, String qualified) {
    }

    @BeforeEach
    void shippedRulesAndNoCustomers() {
        theShippedRulesAgain();
        today = api.today();
    }

    @AfterEach
    void theShippedRulesAgain() {
        api.awaitNoRunGoing();
        api.emptyDatabase();
        if (governance.firstVersionBackInForce("ops")) {
            api.awaitNoRunGoing();
        }
    }

    @Test
    void aTierWhoseCodeChangesTakesItsCustomersOverridesAndPendingDowngradesAsTheSimulationSaid() throws Exception {
        customersOnTierC();
        long shipped = governance.versions().activeVersion().orElseThrow().id();
        CatalogDrafts.Draft draft = CatalogDrafts.codeReplaced(governance.active(), "C", "S", "Select", true);
        long id = governance.drafts().upload(draft.files(), draft.tests(), "ops", "C is called S now").id();
        Map<String, Holding> before = holdings();

        ResultActions report = mvc.perform(post("/api/v1/rulesets/" + id + "/simulation")).andExpect(status().isOk())
                .andExpect(jsonPath("$.catalogChange.removed[0].code").value("C"))
                .andExpect(jsonPath("$.catalogChange.removed[0].replacedBy").value("S"))
                .andExpect(jsonPath("$.catalogChange.added[0].code").value("S"))
                .andExpect(jsonPath("$.catalogChange.added[0].replaces[0]").value("C"))
                .andExpect(jsonPath("$.catalogChange.mapped.C").value("S"))
                .andExpect(jsonPath("$.catalogChange.renamed").isEmpty())
                .andExpect(jsonPath("$.catalogChange.reRanked").isEmpty())
                .andExpect(jsonPath("$.removedTiers[0].code").value("C"))
                .andExpect(jsonPath("$.removedTiers[0].customers").value(5))
                .andExpect(jsonPath("$.removedTiers[0].customersAfter.S").value(5))
                .andExpect(jsonPath("$.removedTiers[0].pinOverrides").value(1))
                .andExpect(jsonPath("$.removedTiers[0].floorOverrides").value(1))
                .andExpect(jsonPath("$.removedTiers[0].overridesAfter.S").value(2))
                .andExpect(jsonPath("$.removedTiers[0].pendingDowngrades").value(1))
                .andExpect(jsonPath("$.removedTiers[0].pendingDowngradesAfter.S").value(1))
                .andExpect(jsonPath("$.catalogRefusals").isEmpty())
                .andExpect(jsonPath("$.tierMigration.C.S").value(5));
        mvc.perform(get("/api/v1/rulesets/" + id)).andExpect(jsonPath("$.version.simulation.removedTiers[0].customers")
                .value(5));
        mvc.perform(get("/rules/" + id + "/simulation")).andExpect(content().string(containsString("replaced by S")))
                .andExpect(content().string(containsString("id=\"removed-tiers\"")));
        Map<String, Map<String, Long>> predictedMigration = migration(TieringApi.read(report, "$.tierMigration"));
        Map<String, Holding> predicted = predicted(id);

        governance.approveAndPublish(id, "ops", "C is called S now");
        api.awaitNoRunGoing();
        Map<String, Holding> after = holdings();

        assertThat(withoutSince(after)).as("every customer as the simulation decided it").isEqualTo(predicted);
        assertThat(migration(before, after)).isEqualTo(predictedMigration);
        assertThat(after.get("C1")).as("a replaced code keeps the since-date of the tier it replaces")
                .isEqualTo(new Holding("S", today.minusDays(200), null, "S"));
        assertThat(after.get("GR")).as("and the grace of its pending downgrade")
                .isEqualTo(new Holding("S", today.minusDays(200), today.minusDays(10), "D"));
        assertThat(after.get("PD")).as("a downgrade pending to C now goes to S, from the same first day")
                .isEqualTo(new Holding("B", today.minusDays(300), today.minusDays(20), "S"));
        assertThat(after.get("PIN1").tier()).isEqualTo("S");
        assertThat(after.get("FLR").tier()).isEqualTo("S");
        mvc.perform(get("/api/v1/customers/PIN1/override")).andExpect(jsonPath("$.tier").value("S"))
                .andExpect(jsonPath("$.replacedTier").value("C"));
        mvc.perform(get("/customers/PIN1")).andExpect(content().string(containsString(
                "set at C, which S replaces in the rules in force")));
        assertThat(jdbc.queryForList("SELECT tier FROM manual_override WHERE ended_at IS NULL ORDER BY customer_id",
                String.class)).as("overrides keep the code they were set with").containsExactly("C", "C");
        Decision replaced = decisions.history("C1").get(decisions.history("C1").size() - 1);
        assertThat(replaced.renamed().note()).isEqualTo("Tier C (Standard) replaced by S (Select) in version "
                + versionNumber(id));
        assertThat(history.verify().intact()).isTrue();

        governance.publication().activate(shipped, "ops", "back to C");
        api.awaitNoRunGoing();
        assertThat(holdings()).as("rolled back: the customers hold C again, since the same days").isEqualTo(before);
        mvc.perform(get("/api/v1/customers/PIN1/override")).andExpect(jsonPath("$.tier").value("C"))
                .andExpect(jsonPath("$.replacedTier").doesNotExist());
        assertThat(history.verify().intact()).isTrue();
    }

    @Test
    void droppingAHeldTierWithoutSayingWhichTierReplacesItIsRefusedNamingTheReplacesCellAndChangesNothing()
            throws Exception {
        customersOnTierC();
        long versions = governance.versions().all().size();
        String inForce = governance.active().current().version();
        List<Decision> decided = decisions.current(List.of("BIG", "C1", "C2", "PIN1", "FLR", "GR", "PD"));
        List<Map<String, Object>> overrides = jdbc.queryForList("SELECT * FROM manual_override ORDER BY id");
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM decision_history", Long.class);

        upload(CatalogDrafts.codeReplaced(governance.active(), "C", "S", "Select", false))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.findings[0].file").value("tier-catalog.xlsx"))
                .andExpect(jsonPath("$.findings[0].sheet").value("TierCatalog"))
                .andExpect(jsonPath("$.findings[0].cell").value("Replaces"))
                .andExpect(jsonPath("$.findings[0].message").value("tier C (Standard) is removed but 5 customers hold "
                        + "it, 2 manual overrides name it (PIN 1, FLOOR 1) and 1 pending downgrade goes to it; list C "
                        + "in the Replaces cell of the tier that takes them"))
                .andExpect(jsonPath("$.detail").value(containsString(
                        "tier-catalog.xlsx › TierCatalog › Replaces: tier C (Standard) is removed")));

        List<RulesetVersions.Version> all = governance.versions().all();
        assertThat(all).hasSize((int) versions + 1);
        assertThat(all.get(0).status()).isEqualTo(VersionStatus.REJECTED);
        assertThat(governance.active().current().version()).isEqualTo(inForce);
        assertThat(decisions.current(List.of("BIG", "C1", "C2", "PIN1", "FLR", "GR", "PD")))
                .containsExactlyInAnyOrderElementsOf(decided);
        assertThat(jdbc.queryForList("SELECT * FROM manual_override ORDER BY id")).isEqualTo(overrides);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM decision_history", Long.class)).isEqualTo(rows);
    }

    @Test
    void publicationChecksTheMappingAgainstTheCustomersOfThen() throws Exception {
        buyer("BIG", 12, "100000.00", 10);
        buyer("D1", 1, "900.00", 400);
        run();
        CatalogDrafts.Draft draft = CatalogDrafts.codeReplaced(governance.active(), "C", "S", "Select", false);
        RulesetVersions.Version version = governance.drafts().upload(draft.files(), draft.tests(), "ops",
                "nobody holds C");
        assertThat(version.status()).as("nobody holds C yet: %s", version.findings()).isEqualTo(VersionStatus.DRAFT);
        assertThat(version.failingTests()).isEmpty();
        governance.simulation().simulate(version.id());
        String inForce = governance.active().current().version();

        buyer("C1", 1, "500.00", 30);
        api.evaluate("C1").andExpect(jsonPath("$.tier").value("C"));
        String refusal = "tier-catalog.xlsx › TierCatalog › Replaces: tier C (Standard) is removed but 1 customer "
                + "holds it; list C in the Replaces cell of the tier that takes them";
        mvc.perform(post("/api/v1/rulesets/" + version.id() + "/simulation"))
                .andExpect(jsonPath("$.catalogRefusals[0]").value(refusal));
        governance.publication().approve(version.id(), "reviewer", "checked");

        mvc.perform(post("/api/v1/rulesets/" + version.id() + "/publish")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.reasons[0]").value(refusal));
        assertThat(governance.active().current().version()).isEqualTo(inForce);
        assertThat(governance.versions().find(version.id()).orElseThrow().status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(decisions.currentOrThrow("C1").tier()).isEqualTo("C");
    }

    @Test
    void aRenameWritesAHistoryRowPerCustomerAndRollingItBackRecordsTheOldNameAgain() throws Exception {
        buyer("BIG", 12, "100000.00", 10);
        buyer("K1", 2, "500000.00", 20);
        buyer("C1", 1, "500.00", 30);
        run();
        assertThat(decisions.history("K1")).extracting(d -> d.tier() + " " + d.tierName()).containsExactly("B Key");
        long shipped = governance.versions().activeVersion().orElseThrow().id();
        CatalogDrafts.Draft draft = CatalogDrafts.renamed("Strategic", "Gold", "Standard", "Basic");
        long id = governance.drafts().upload(draft.files(), draft.tests(), "ops", "Key is Gold").id();

        mvc.perform(post("/api/v1/rulesets/" + id + "/simulation")).andExpect(status().isOk())
                .andExpect(jsonPath("$.catalogChange.renamed[0].code").value("B"))
                .andExpect(jsonPath("$.catalogChange.renamed[0].from").value("Key"))
                .andExpect(jsonPath("$.catalogChange.renamed[0].to").value("Gold"))
                .andExpect(jsonPath("$.catalogChange.removed").isEmpty())
                .andExpect(jsonPath("$.catalogChange.added").isEmpty())
                .andExpect(jsonPath("$.removedTiers").isEmpty());
        mvc.perform(get("/rules/" + id + "/simulation")).andExpect(content().string(containsString(
                "<td>Renamed</td><td>B</td><td>Key</td>")));
        governance.approveAndPublish(id, "ops", "Key is Gold");
        api.awaitNoRunGoing();

        api.tier("K1").andExpect(jsonPath("$.tierName").value("Gold"));
        assertThat(decisions.history("K1")).extracting(d -> d.tier() + " " + d.tierName())
                .containsExactly("B Key", "B Gold");
        assertThat(decisions.history("K1").get(1).renamed().note()).isEqualTo("Tier B renamed by version "
                + versionNumber(id) + ": Key → Gold");
        assertThat(jdbc.queryForList("SELECT tier_name FROM decision_history WHERE customer_id = 'K1' ORDER BY id",
                String.class)).containsExactly("Key", "Gold");
        assertThat(decisions.history("BIG")).as("a tier whose name stayed writes no row").hasSize(1);
        mvc.perform(get("/customers/K1")).andExpect(content().string(containsString(
                "Tier B renamed by version " + versionNumber(id) + ": Key → Gold")));
        assertThat(history.verify().intact()).isTrue();

        mvc.perform(post("/api/v1/rulesets/" + shipped + "/simulation"))
                .andExpect(jsonPath("$.catalogChange.renamed[0].from").value("Gold"))
                .andExpect(jsonPath("$.catalogChange.renamed[0].to").value("Key"));
        governance.publication().activate(shipped, "ops", "Key again");
        api.awaitNoRunGoing();

        api.tier("K1").andExpect(jsonPath("$.tierName").value("Key"));
        List<Decision> rows = decisions.history("K1");
        assertThat(rows).extracting(d -> d.tier() + " " + d.tierName()).containsExactly("B Key", "B Gold", "B Key");
        assertThat(rows.get(2).renamed().note()).isEqualTo("Tier B renamed by version " + versionNumber(shipped)
                + ": Gold → Key");
        assertThat(rows.get(2).restoration().note()).isEqualTo("Restored by rolling back version " + id);
        assertThat(history.verify().intact()).isTrue();
    }

    @Test
    void anAddedTierIsRolledBackOnceNoManualOverrideNamesIt() throws Exception {
        buyer("BIG", 12, "100000.00", 10);
        buyer("DORM", 1, "900.00", 400);
        buyer("C1", 1, "500.00", 30);
        run();
        long shipped = governance.versions().activeVersion().orElseThrow().id();
        CatalogDrafts.Draft draft = CatalogDrafts.dormantTierAdded(governance.active());
        long id = governance.drafts().upload(draft.files(), draft.tests(), "ops", "a Dormant tier").id();
        mvc.perform(post("/api/v1/rulesets/" + id + "/simulation")).andExpect(status().isOk())
                .andExpect(jsonPath("$.catalogChange.added[0].code").value("E"))
                .andExpect(jsonPath("$.catalogChange.added[0].rank").value(4))
                .andExpect(jsonPath("$.catalogChange.reRanked[0].code").value("D"))
                .andExpect(jsonPath("$.catalogChange.reRanked[0].from").value(4))
                .andExpect(jsonPath("$.catalogChange.reRanked[0].to").value(5))
                .andExpect(jsonPath("$.tierMigration.D.E").value(1));
        governance.approveAndPublish(id, "ops", "a Dormant tier");
        api.awaitNoRunGoing();
        assertThat(decisions.currentOrThrow("DORM").tier()).isEqualTo("E");
        mvc.perform(put("/api/v1/customers/C1/override").contentType(MediaType.APPLICATION_JSON).content(
                "{\"tier\":\"E\",\"kind\":\"PIN\",\"reason\":\"Paused account\",\"expiresAt\":\""
                        + today.plusDays(30) + "T00:00:00Z\"}")).andExpect(status().isOk());

        String refusal = "1 manual override(s) in force name tier E, which the tier catalog of version " + shipped
                + " neither has nor replaces: end the override(s) of C1 (PIN) first, or set them at a tier of version "
                + shipped;
        mvc.perform(post("/api/v1/rulesets/" + shipped + "/simulation"))
                .andExpect(jsonPath("$.catalogRefusals[0]").value(refusal))
                .andExpect(jsonPath("$.removedTiers[0].code").value("E"))
                .andExpect(jsonPath("$.removedTiers[0].customers").value(2))
                .andExpect(jsonPath("$.removedTiers[0].pinOverrides").value(1));
        mvc.perform(post("/api/v1/rulesets/" + shipped + "/activate")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.reasons[0]").value(refusal));
        assertThat(governance.versions().activeVersion().orElseThrow().id()).isEqualTo(id);

        mvc.perform(delete("/api/v1/customers/C1/override")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/rulesets/" + shipped + "/simulation"))
                .andExpect(jsonPath("$.catalogRefusals").isEmpty())
                .andExpect(jsonPath("$.removedTiers[0].customers").value(1))
                .andExpect(jsonPath("$.removedTiers[0].customersAfter.D").value(1));
        Map<String, Holding> predicted = predicted(shipped);
        mvc.perform(post("/api/v1/rulesets/" + shipped + "/activate")).andExpect(status().isOk());
        api.awaitNoRunGoing();

        assertThat(withoutSince(holdings())).isEqualTo(predicted);
        assertThat(decisions.currentOrThrow("DORM").tier()).isEqualTo("D");
        assertThat(decisions.history("DORM")).extracting(Decision::tier).containsExactly("D", "E", "D");
        mvc.perform(get("/api/v1/decisions/summary")).andExpect(jsonPath("$.tiers.E").doesNotExist());
        assertThat(history.verify().intact()).isTrue();
    }

    /**
     * Seven customers under the shipped rules, three of them on C for 200 days: BIG (A); C1 and C2, small buyers
     * (C); PIN1 and FLR, who bought only the year before (D) but are pinned at C and floored at C; GR on C whose
     * downgrade to D has waited 10 days; PD on B for 300 days whose downgrade to C has waited 20 days.
     */
    private void customersOnTierC() throws Exception {
        buyer("BIG", 12, "100000.00", 10);
        buyer("C1", 1, "500.00", 30);
        buyer("C2", 1, "500.00", 30);
        buyer("PIN1", 1, "900.00", 400);
        buyer("FLR", 1, "900.00", 400);
        buyer("GR", 1, "900.00", 400);
        buyer("PD", 1, "500.00", 30);
        run();
        override("PIN1", "PIN");
        override("FLR", "FLOOR");
        // The service's clock cannot be moved: what 200 days on C, and downgrades that have waited, leave in a
        // customer's decision is written as it would be, then decided again by the shipped rules.
        heldSince("C1", "C", "Standard", 200, null, null);
        heldSince("GR", "C", "Standard", 200, "D", 10);
        heldSince("PD", "B", "Key", 300, "C", 20);
        run();
        assertThat(holdings()).as("the shipped rules keep what the customers held").containsEntry("GR",
                new Holding("C", today.minusDays(200), today.minusDays(10), "D"))
                .containsEntry("PD", new Holding("B", today.minusDays(300), today.minusDays(20), "C"))
                .containsEntry("C1", new Holding("C", today.minusDays(200), null, "C"))
                .containsEntry("PIN1", new Holding("C", today, null, "D"));
    }

    private void heldSince(String customer, String tier, String name, int days, String downgradeTo, Integer waited) {
        jdbc.update("""
                UPDATE current_decision SET tier = ?, rules_tier = ?, tier_name = ?, tier_since = ?,
                    qualified_tier = COALESCE(?, qualified_tier), downgrade_pending_since = ?
                WHERE customer_id = ?""", tier, tier, name, today.minusDays(days), downgradeTo,
                waited == null ? null : today.minusDays(waited), customer);
    }

    private void buyer(String id, int orders, String amount, int daysAgo) throws Exception {
        api.customer(id).create();
        String[] placed = new String[orders];
        for (int i = 0; i < orders; i++) {
            placed[i] = order(id + "-" + i, today.minusDays(daysAgo + 25L * i), amount);
        }
        api.orders(id, placed);
    }

    private void override(String customer, String kind) throws Exception {
        mvc.perform(put("/api/v1/customers/" + customer + "/override").contentType(MediaType.APPLICATION_JSON).content(
                "{\"tier\":\"C\",\"kind\":\"" + kind + "\",\"reason\":\"Pilot account\",\"expiresAt\":\""
                        + today.plusDays(30) + "T00:00:00Z\"}")).andExpect(status().isOk());
    }

    private void run() throws Exception {
        api.awaitRunEnded(api.startRun());
    }

    private ResultActions upload(CatalogDrafts.Draft draft) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/rulesets");
        for (RuleFile file : draft.files()) {
            request.file(new MockMultipartFile("files", file.name(), MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    file.content()));
        }
        for (RuleFile test : draft.tests()) {
            request.file(new MockMultipartFile("tests", test.name(), "text/csv", test.content()));
        }
        return mvc.perform(request.param("comment", "C is called S now"));
    }

    private Map<String, Holding> holdings() {
        Map<String, Holding> holdings = new TreeMap<>();
        jdbc.query("SELECT customer_id, tier, tier_since, downgrade_pending_since, qualified_tier FROM current_decision",
                (java.sql.ResultSet rs) -> {
                    holdings.put(rs.getString(1), new Holding(rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class), rs.getString(5)));
                });
        return holdings;
    }

    /** Each customer as the simulation of the version decides it (the since-date is the recorder's: left out). */
    private Map<String, Holding> predicted(long versionId) {
        Map<String, Holding> predicted = new TreeMap<>();
        governance.simulation().eachCustomer(versionId, customer -> predicted.put(customer.customerId(),
                new Holding(customer.after().tier(), null, customer.after().downgradePendingSince(),
                        customer.after().qualifiedTier())));
        return predicted;
    }

    private static Map<String, Holding> withoutSince(Map<String, Holding> holdings) {
        Map<String, Holding> without = new TreeMap<>();
        holdings.forEach((id, h) -> without.put(id, new Holding(h.tier(), null, h.pendingSince(), h.qualified())));
        return without;
    }

    /** The number a rename's note gives a version: the first version of its content that was put in force. */
    private long versionNumber(long versionId) {
        String hash = governance.versions().find(versionId).orElseThrow().contentHash();
        return governance.versions().all().stream().filter(v -> v.contentHash().equals(hash) && v.activatedAt() != null)
                .mapToLong(RulesetVersions.Version::id).min().orElseThrow();
    }

    private static Map<String, Map<String, Long>> migration(Map<String, Holding> before, Map<String, Holding> after) {
        Map<String, Map<String, Long>> migration = new TreeMap<>();
        after.forEach((customer, held) -> migration.computeIfAbsent(before.get(customer).tier(), t -> new TreeMap<>())
                .merge(held.tier(), 1L, Long::sum));
        return migration;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Long>> migration(Object json) {
        Map<String, Map<String, Long>> migration = new TreeMap<>();
        ((Map<String, Map<String, Number>>) json).forEach((from, to) -> to.forEach((tier, count) -> migration
                .computeIfAbsent(from, t -> new TreeMap<>()).put(tier, count.longValue())));
        return migration;
    }
}
