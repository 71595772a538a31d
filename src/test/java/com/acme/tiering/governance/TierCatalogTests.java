package com.acme.tiering.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import com.acme.tiering.decision.Decision;
import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.evaluation.TierOverride;
import com.acme.tiering.override.ManualOverrides;
import com.acme.tiering.ruleset.Finding;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.support.DormantTier;
import com.acme.tiering.support.Governance;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestProfiles;
import com.acme.tiering.support.TierCatalogs;
import com.acme.tiering.support.TieringApi;
import com.acme.tiering.support.Workbooks;

/**
 * The tier catalog is the operations manager's (issue 16): a catalog in Chinese reaches every place a tier's name is
 * shown, a rename leaves history as it was, a fifth tier ranked between two others is decided, downgraded and
 * explained by its rank, and a broken catalog or table changes nothing. In the context of the governance tests
 * (versions go in force without a run after them); each test puts the version in force before it back.
 */
@ServiceTest
@ActiveProfiles(TestProfiles.NO_RUN_AFTER_ACTIVATION)
class TierCatalogTests {

    @Autowired
    Governance governance;

    @Autowired
    TieringApi api;

    @Autowired
    MockMvc mvc;

    @Autowired
    DecisionQueries decisions;

    @Autowired
    ManualOverrides overrides;

    @Autowired
    JdbcTemplate jdbc;

    private RulesetVersions.Version shipped;

    @BeforeEach
    void shippedRulesAndNoCustomers() {
        shipped = governance.versions().activeVersion().orElseThrow();
        api.emptyDatabase();
    }

    @AfterEach
    void shippedRulesAgain() {
        if (!governance.active().current().version().equals(shipped.contentHash())) {
            governance.publication().activate(shipped.id(), "ops", "back to the shipped tiers");
        }
    }

    @Test
    void aCatalogInChineseReachesTheLookupExplanationDashboardExportsAndMetrics() throws Exception {
        publish(List.of(TierCatalogs.renamed("战略", "重点", "普通", "基础")), List.of());
        governance.threeCustomersEvaluated();

        mvc.perform(get("/api/v1/customers/G1/tier")).andExpect(jsonPath("$.tier").value("A"))
                .andExpect(jsonPath("$.tierName").value("战略"));
        assertThat(decisions.currentOrThrow("G1").explanation().summary()).startsWith("Tier A (战略): ");
        assertThat(decisions.currentOrThrow("G2").explanation().summary()).startsWith("Tier B (重点): ")
                .contains(" Not A: ");
        mvc.perform(get("/")).andExpect(content().string(allOf(containsString(">战略</span>"),
                containsString(">重点</span>"), containsString(">普通</span>"), containsString(">基础</span>"))));
        mvc.perform(get("/customers/G3")).andExpect(content().string(allOf(
                containsString("data-tier-colour=\"#6A9FC4\" title=\"普通\">C</span>"), containsString(">普通</strong>"))));

        String csv = new String(export("csv"), StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(line -> line.startsWith("G1,"))).singleElement().asString()
                .contains("Tier A (战略)").endsWith(",战略");
        assertThat(xlsxRow(export("xlsx"), "G2")).contains("重点").anyMatch(cell -> cell.startsWith("Tier B (重点)"));

        String scrape = mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(scrape).contains("tiering_decisions_current{tier=\"A\",tier_name=\"战略\"} 1")
                .contains("tiering_decisions_current{tier=\"D\",tier_name=\"基础\"} 0")
                .doesNotContain("tier_name=\"Strategic\"");
    }

    @Test
    void aTierRowNamingATierTheCatalogLacksIsRefusedNamingTheCellAndChangesNothing() throws Exception {
        governance.threeCustomersEvaluated();
        Decision before = decisions.currentOrThrow("G2");
        RuleFile tiers = new RuleFile("tiers.xlsx", Workbooks.withCell(file("tiers.xlsx"), "Tiers", 11, 6, "E"));

        refused(List.of(tiers), "tiers.xlsx › Tiers › G12", "'E' is not a known tier: the tier catalog has no tier E");
        assertThat(decisions.currentOrThrow("G2")).isEqualTo(before);
    }

    @Test
    void aCatalogWithADuplicateRankIsRefusedNamingTheCellAndChangesNothing() throws Exception {
        List<Object[]> rows = new ArrayList<>(TierCatalogs.SHIPPED);
        rows.set(1, TierCatalogs.row("B", "Key", 1, "", "", ""));

        refused(List.of(TierCatalogs.catalog(rows)), "tier-catalog.xlsx › TierCatalog › C3",
                "rank 1 is given twice (first in C2)");
    }

    @Test
    void renamingATierRenamesLookupsFromPublicationAndHistoryKeepsTheNamesOfItsTime() throws Exception {
        governance.threeCustomersEvaluated();
        assertThat(decisions.history("G2")).extracting(Decision::tierName).containsExactly("Key");

        publish(List.of(TierCatalogs.renamed("Strategic", "Gold", "Standard", "Basic")), List.of());
        evaluateAll();
        overrides.set("G3", new ManualOverrides.NewOverride("B", TierOverride.Kind.PIN, "Pilot account",
                Instant.now().plus(30, ChronoUnit.DAYS)), "ops");

        mvc.perform(get("/api/v1/customers/G2/tier")).andExpect(jsonPath("$.tierName").value("Gold"));
        assertThat(decisions.currentOrThrow("G2").explanation().summary()).startsWith("Tier B (Gold): ");
        assertThat(decisions.history("G2")).as("G2 stayed in B: its first row keeps the name of its time, the rename "
                + "is a row of its own").extracting(d -> d.tier() + " " + d.tierName()).containsExactly("B Key", "B Gold");
        assertThat(decisions.history("G3")).extracting(d -> d.tier() + " " + d.tierName())
                .containsExactly("C Standard", "B Gold");
        assertThat(jdbc.queryForList("SELECT tier_name FROM decision_history WHERE customer_id = 'G3' ORDER BY id",
                String.class)).containsExactly("Standard", "Gold");
        String csv = new String(export("csv"), StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(line -> line.startsWith("G2,")).map(line -> line.substring(line.lastIndexOf(',') + 1)))
                .containsExactly("Key", "Gold");
    }

    @Test
    void aFifthTierRankedBetweenCAndDIsDecidedDowngradedAndExplainedByItsRank() throws Exception {
        publish(List.of(DormantTier.catalog(TierCatalogs.SHIPPED), DormantTier.tiers(file("tiers.xlsx")),
                DormantTier.plans(file("service-plans.xlsx"))), List.of(DormantTier.tests()));

        String lapsed = "{\"customerId\":\"W-1\",\"ordersLast12m\":0,\"revenueLast12m\":0,\"revenuePrev12m\":15000,"
                + "\"revenueGrowthPct\":-100,\"paretoShare\":1.0,\"asOf\":\"" + today() + "\"";
        whatIf(lapsed + ",\"currentTier\":\"D\",\"currentTierSince\":\"2025-01-01\"}")
                .andExpect(jsonPath("$.tier").value("E")).andExpect(jsonPath("$.tierName").value("Dormant"))
                .andExpect(jsonPath("$.servicePlan.code").value("WINBACK"))
                .andExpect(jsonPath("$.servicePlan.entitlements.freeShipping").value(false))
                .andExpect(jsonPath("$.explanation.summary").value(allOf(containsString("Tier E (Dormant): "),
                        containsString(" Not C: ordersLast12m 0 < 1"))));
        whatIf(lapsed + ",\"currentTier\":\"C\",\"currentTierSince\":\"2025-01-01\"}")
                .andExpect(jsonPath("$.tier").value("C")).andExpect(jsonPath("$.qualifiedTier").value("E"))
                .andExpect(jsonPath("$.downgradePendingSince").value(today().toString()));
        whatIf("{\"customerId\":\"W-2\",\"ordersLast12m\":0,\"paretoShare\":1.0,\"currentTier\":\"E\","
                + "\"currentTierSince\":\"2025-01-01\",\"asOf\":\"" + today() + "\"}")
                .andExpect(jsonPath("$.tier").value("E")).andExpect(jsonPath("$.qualifiedTier").value("D"))
                .andExpect(jsonPath("$.tierName").value("Dormant"));
    }

    private void refused(List<RuleFile> files, String location, String message) {
        String inForce = governance.active().current().version();
        RulesetVersions.Version draft = governance.drafts().upload(files, "ops", "broken tiers");

        assertThat(draft.status()).isEqualTo(VersionStatus.REJECTED);
        assertThat(draft.findings()).extracting(Finding::location, Finding::message)
                .contains(org.assertj.core.groups.Tuple.tuple(location, message));
        assertThat(governance.active().current().version()).isEqualTo(inForce);
        assertThat(governance.versions().activeVersion().orElseThrow().id()).isEqualTo(shipped.id());
    }

    private void publish(List<RuleFile> files, List<RuleFile> tests) throws InterruptedException {
        RulesetVersions.Version version = governance.uploadAndPublish(files, tests, "ops");
        assertThat(governance.active().current().version()).isEqualTo(version.contentHash());
    }

    private void evaluateAll() throws Exception {
        assertThat(api.awaitRunEnded(api.startRun())).contains("\"COMPLETED\"");
    }

    private ResultActions whatIf(String facts) throws Exception {
        return mvc.perform(post("/api/v1/evaluations/what-if").contentType(MediaType.APPLICATION_JSON).content(facts))
                .andExpect(status().isOk());
    }

    private byte[] export(String format) throws Exception {
        MvcResult started = mvc.perform(get("/api/v1/audit/decisions").param("from", today().minusDays(1).toString())
                .param("to", today().plusDays(1).toString()).param("format", format)).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    private static List<String> xlsxRow(byte[] workbook, String customerId) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            for (Row row : book.getSheetAt(0)) {
                if (row.getCell(0).getStringCellValue().equals(customerId)) {
                    List<String> cells = new ArrayList<>();
                    row.forEach((Cell cell) -> cells.add(cell.getStringCellValue()));
                    return cells;
                }
            }
        }
        throw new AssertionError("No row for " + customerId);
    }

    private byte[] file(String name) {
        return governance.active().current().files().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow().content();
    }

    private LocalDate today() {
        return api.today();
    }
}
