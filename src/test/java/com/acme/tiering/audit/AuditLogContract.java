package com.acme.tiering.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static com.acme.tiering.support.TestData.nps;
import static com.acme.tiering.support.TestData.order;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.support.Approval;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TieringApi;
import com.acme.tiering.support.Workbooks;

/**
 * The audit log through the HTTP API: changes are recorded with who, from where, when and the before and
 * after; refused changes leave nothing but refused access is kept; auditors filter and page it.
 * Runs on H2 and on a real MySQL-protocol server through the subclasses.
 */
// The configuration of ManualOverrideContract, so that both share one cached context (and connection pool).
@ServiceTest
abstract class AuditLogContract {

    private static final RequestPostProcessor MIA = user("mia").roles("OPS_MANAGER");
    private static final RequestPostProcessor OPS = user("ops").roles("OPS_MANAGER");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ActiveRuleset active;

    @Autowired
    TieringApi api;

    LocalDate today;

    @BeforeEach
    void emptyDatabase() {
        today = api.emptyDatabase();
    }

    @Test
    void settingReplacingAndEndingAnOverrideRecordWhoFromWhereWithTheOverrideBeforeAndAfter() throws Exception {
        evaluatedCustomer("AUD-1");

        setOverride("AUD-1", "B", "First call").andExpect(status().isOk());
        setOverride("AUD-1", "A", "Board decision").andExpect(status().isOk());
        mvc.perform(delete("/api/v1/customers/AUD-1/override").with(MIA).with(from("10.1.2.3")))
                .andExpect(status().isOk());

        log("?target=customer:AUD-1").andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.entries[*].action").value(contains("OVERRIDE_ENDED", "OVERRIDE_SET",
                        "OVERRIDE_SET", "CUSTOMER_EVALUATED")))
                .andExpect(jsonPath("$.entries[2].actor").value("mia"))
                .andExpect(jsonPath("$.entries[2].roles").value("OPS_MANAGER"))
                .andExpect(jsonPath("$.entries[2].remoteAddress").value("10.1.2.3"))
                .andExpect(jsonPath("$.entries[2].method").value("PUT"))
                .andExpect(jsonPath("$.entries[2].path").value("/api/v1/customers/AUD-1/override"))
                .andExpect(jsonPath("$.entries[2].outcome").value(200))
                .andExpect(jsonPath("$.entries[2].requestId").isNotEmpty())
                .andExpect(jsonPath("$.entries[2].before").isEmpty())
                .andExpect(jsonPath("$.entries[2].after.tier").value("B"))
                .andExpect(jsonPath("$.entries[2].after.reason").value("First call"))
                .andExpect(jsonPath("$.entries[1].before.tier").value("B"))
                .andExpect(jsonPath("$.entries[1].before.endedAt").isEmpty())
                .andExpect(jsonPath("$.entries[1].after.tier").value("A"))
                .andExpect(jsonPath("$.entries[0].method").value("DELETE"))
                .andExpect(jsonPath("$.entries[0].before.tier").value("A"))
                .andExpect(jsonPath("$.entries[0].before.endReason").isEmpty())
                .andExpect(jsonPath("$.entries[0].after.endReason").value("REVOKED"))
                .andExpect(jsonPath("$.entries[0].after.endedBy").value("mia"));
    }

    @Test
    void refusedChangesWriteNoEntry() throws Exception {
        evaluatedCustomer("AUD-2");
        int before = entries();
        String later = clock.instant().plus(Duration.ofDays(10)).toString();

        putOverride("AUD-2", "{\"tier\":\"Z\",\"kind\":\"PIN\",\"reason\":\"x\",\"expiresAt\":\"" + later + "\"}")
                .andExpect(status().isBadRequest());
        putOverride("AUD-2", "{\"tier\":\"D\",\"kind\":\"FLOOR\",\"reason\":\"x\",\"expiresAt\":\"" + later + "\"}")
                .andExpect(status().isBadRequest());
        putOverride("AUD-2", "{\"tier\":\"A\",\"kind\":\"PIN\",\"reason\":\"x\",\"expiresAt\":\""
                + clock.instant().plus(Duration.ofDays(400)) + "\"}").andExpect(status().isBadRequest());
        putOverride("NOBODY", "{\"tier\":\"A\",\"kind\":\"PIN\",\"reason\":\"x\",\"expiresAt\":\"" + later + "\"}")
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/customers/AUD-2/override").with(MIA)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/churn-alerts/999999/acknowledgement").with(MIA)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/customers/NOBODY/evaluation")).andExpect(status().isNotFound());

        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void acknowledgingAndResolvingAChurnAlertRecordTheStatusBeforeAndAfterWithTheComment() throws Exception {
        evaluatedCustomer("AUD-3", nps("n-1", today.minusDays(10), 3));
        long alert = jdbc.queryForObject("SELECT id FROM churn_alert WHERE customer_id = 'AUD-3'", Long.class);

        mvc.perform(post("/api/v1/churn-alerts/" + alert + "/acknowledgement").with(MIA)
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"Calling today\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/churn-alerts/" + alert + "/resolution").with(MIA)
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"Called; review booked\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/churn-alerts/" + alert + "/resolution").with(MIA)
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"again\"}"))
                .andExpect(status().isConflict());

        log("?target=churn_alert:" + alert).andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.entries[1].action").value("ALERT_ACKNOWLEDGED"))
                .andExpect(jsonPath("$.entries[1].before.status").value("OPEN"))
                .andExpect(jsonPath("$.entries[1].after.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.entries[1].after.comment").value("Calling today"))
                .andExpect(jsonPath("$.entries[0].action").value("ALERT_RESOLVED"))
                .andExpect(jsonPath("$.entries[0].before.status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.entries[0].after.status").value("RESOLVED"))
                .andExpect(jsonPath("$.entries[0].after.comment").value("Called; review booked"));
    }

    @Test
    void aRulesetUploadSimulationPublicationAndRollBackAreRecordedWithTheVersionsInForce() throws Exception {
        String before = active.current().version();
        byte[] reworded = tiers("Strategic, reworded for the audit " + UUID.randomUUID());
        String created = api.draft(OPS, "tiers.xlsx", reworded, "clearer wording");
        String id = created.substring(created.lastIndexOf('/') + 1);
        mvc.perform(post(created + "/simulation").with(OPS)).andExpect(status().isOk());
        Approval.approve(mvc, created);
        mvc.perform(post(created + "/publish").with(OPS)
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"reviewed\"}"))
                .andExpect(status().isOk());
        String published = active.current().version();
        long previous = jdbc.queryForObject("SELECT MAX(id) FROM ruleset_version WHERE content_hash = ? AND status = "
                + "'RETIRED'", Long.class, before);
        mvc.perform(post("/api/v1/rulesets/" + previous + "/activate").with(user("reviewer").roles("OPS_MANAGER")))
                .andExpect(status().isOk());

        log("?target=ruleset:" + id).andExpect(jsonPath("$.entries[*].action")
                .value(contains("RULESET_PUBLISHED", "RULESET_APPROVED", "RULESET_SIMULATED", "RULESET_UPLOADED")))
                .andExpect(jsonPath("$.entries[3].actor").value("ops"))
                .andExpect(jsonPath("$.entries[3].outcome").value(201))
                .andExpect(jsonPath("$.entries[3].after.status").value("DRAFT"))
                .andExpect(jsonPath("$.entries[3].after.basedOn").value(before))
                .andExpect(jsonPath("$.entries[3].after.comment").value("clearer wording"))
                .andExpect(jsonPath("$.entries[3].after.files[0].name").value("tiers.xlsx"))
                .andExpect(jsonPath("$.entries[3].after.files[0].sha256").value(sha256(reworded)))
                .andExpect(jsonPath("$.entries[2].after.simulatedVersion").value(published))
                .andExpect(jsonPath("$.entries[1].actor").value(Approval.REVIEWER))
                .andExpect(jsonPath("$.entries[0].before.contentHash").value(before))
                .andExpect(jsonPath("$.entries[0].after.versionId").value(Long.parseLong(id)))
                .andExpect(jsonPath("$.entries[0].after.contentHash").value(published))
                .andExpect(jsonPath("$.entries[0].after.reason").value("reviewed"));
        String publication = JsonPath.read(body(log("?action=RULESET_PUBLISHED")), "$.entries[0].requestId");
        log("?action=RUN_STARTED").andExpect(jsonPath("$.entries[-1:].requestId").value(contains(publication)))
                .andExpect(jsonPath("$.entries[-1:].after.trigger").value(contains("ACTIVATION")));
        log("?target=ruleset:" + previous).andExpect(jsonPath("$.entries[0].action").value("RULESET_ACTIVATED"))
                .andExpect(jsonPath("$.entries[0].actor").value("reviewer"))
                .andExpect(jsonPath("$.entries[0].before.contentHash").value(published))
                .andExpect(jsonPath("$.entries[0].after.contentHash").value(before));
        assertThat(active.current().version()).isEqualTo(before);
        // Publication and activation start runs: they finish before the next test empties the tables.
        api.awaitNoRunGoing();
    }

    @Test
    void aRejectedUploadIsRecordedWithItsOutcome() throws Exception {
        api.upload(OPS, "tiers.xlsx", Workbooks.withCell(tiersInForce(), "Tiers", 12, 6, "System.exit(0)"), null)
                .andExpect(status().isUnprocessableContent());

        log("?action=RULESET_REJECTED").andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.entries[0].outcome").value(422))
                .andExpect(jsonPath("$.entries[0].after.status").value("REJECTED"));
    }

    @Test
    void changesRefusedForMissingOrWrongCredentialsOrRoleAreRecordedAsAccessDenied() throws Exception {
        String body = "{\"tier\":\"A\",\"kind\":\"PIN\",\"reason\":\"x\",\"expiresAt\":\""
                + clock.instant().plus(Duration.ofDays(1)) + "\"}";
        mvc.perform(put("/api/v1/customers/AUD-4/override").with(from("192.0.2.7"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .anonymous())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/customers/AUD-4/override").with(user("rita").roles("RULE_AUTHOR"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/rulesets/1/activate").with(httpBasic("ops", "wrong")))
                .andExpect(status().isUnauthorized());
        mvc.perform(multipart("/api/v1/rulesets").file(new MockMultipartFile("files", "lifecycle.drl",
                "text/plain", "package x;".getBytes())).with(OPS))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/rulesets").with(httpBasic("ops", "wrong"))).andExpect(status().isUnauthorized());

        log("?action=ACCESS_DENIED").andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.entries[3].actor").value("anonymous"))
                .andExpect(jsonPath("$.entries[3].outcome").value(401))
                .andExpect(jsonPath("$.entries[3].remoteAddress").value("192.0.2.7"))
                .andExpect(jsonPath("$.entries[3].path").value("/api/v1/customers/AUD-4/override"))
                .andExpect(jsonPath("$.entries[3].before").isEmpty())
                .andExpect(jsonPath("$.entries[3].after").isEmpty())
                .andExpect(jsonPath("$.entries[2].actor").value("rita"))
                .andExpect(jsonPath("$.entries[2].roles").value("RULE_AUTHOR"))
                .andExpect(jsonPath("$.entries[2].outcome").value(403))
                .andExpect(jsonPath("$.entries[1].actor").value("ops"))
                .andExpect(jsonPath("$.entries[1].roles").isEmpty())
                .andExpect(jsonPath("$.entries[1].outcome").value(401))
                .andExpect(jsonPath("$.entries[1].path").value("/api/v1/rulesets/1/activate"))
                .andExpect(jsonPath("$.entries[0].actor").value("ops"))
                .andExpect(jsonPath("$.entries[0].outcome").value(403));
        assertThat(entries()).isEqualTo(4);
    }

    @Test
    void startingARunAndEvaluatingACustomerNowAreRecorded() throws Exception {
        evaluatedCustomer("AUD-5");
        String run = mvc.perform(post("/api/v1/evaluation-runs").with(from("198.51.100.9")).with(OPS))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        api.awaitRunEnded(run);

        log("?action=RUN_STARTED").andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.entries[0].actor").value("ops"))
                .andExpect(jsonPath("$.entries[0].remoteAddress").value("198.51.100.9"))
                .andExpect(jsonPath("$.entries[0].outcome").value(202))
                .andExpect(jsonPath("$.entries[0].targetType").value("evaluation_run"))
                .andExpect(jsonPath("$.entries[0].targetId", endsWith(run.substring(run.lastIndexOf('/') + 1))))
                .andExpect(jsonPath("$.entries[0].after.trigger").value("API"));
        log("?action=CUSTOMER_EVALUATED&target=customer:AUD-5").andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.entries[0].before").isEmpty())
                .andExpect(jsonPath("$.entries[0].after.tier").value("C"))
                .andExpect(jsonPath("$.entries[0].after.servicePlan").value("STANDARD"));
    }

    @Test
    void theLogFiltersByActorActionTargetAndTimeAndPagesNewestFirst() throws Exception {
        evaluatedCustomer("AUD-6");
        evaluatedCustomer("AUD-7");
        evaluatedCustomer("AUD-8");
        setOverride("AUD-7", "A", "Key partner").andExpect(status().isOk());

        log("?actor=mia").andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.entries[0].action").value("OVERRIDE_SET"));
        log("?action=CUSTOMER_EVALUATED").andExpect(jsonPath("$.total").value(3));
        log("?target=customer:AUD-7").andExpect(jsonPath("$.total").value(2));
        log("?target=customer").andExpect(jsonPath("$.total").value(4));
        log("?target=ruleset").andExpect(jsonPath("$.total").value(0));
        log("?from=" + today + "&to=" + today).andExpect(jsonPath("$.total").value(4));
        log("?from=" + today.plusDays(1)).andExpect(jsonPath("$.total").value(0));
        log("?to=" + today.minusDays(1)).andExpect(jsonPath("$.total").value(0));
        log("?from=" + clock.instant().minus(Duration.ofHours(1))).andExpect(jsonPath("$.total").value(4));

        List<Integer> all = JsonPath.read(body(log("?size=4")), "$.entries[*].id");
        assertThat(all).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        log("?size=3&page=0").andExpect(jsonPath("$.entries[*].id").value(contains(all.subList(0, 3).toArray())))
                .andExpect(jsonPath("$.total").value(4)).andExpect(jsonPath("$.size").value(3));
        log("?size=3&page=1").andExpect(jsonPath("$.entries[*].id").value(contains(all.subList(3, 4).toArray())));
    }

    @Test
    void badFiltersAreRefusedNamingTheField() throws Exception {
        refused("?from=2026-13-01", "from");
        refused("?to=yesterday", "to");
        refused("?from=" + today + "&to=" + today.minusDays(1), "to");
        refused("?action=override_set", "action");
        refused("?target=Customer:X", "target");
        refused("?size=501", "size");
        refused("?size=0", "size");
        refused("?page=-1", "page");
        refused("?page=x", "page");
    }

    @Test
    void entriesAreNeverChangedOrDeletedByLaterChanges() throws Exception {
        evaluatedCustomer("AUD-9");
        setOverride("AUD-9", "B", "First").andExpect(status().isOk());
        List<Map<String, Object>> written = jdbc.queryForList("SELECT * FROM audit_log ORDER BY id");

        setOverride("AUD-9", "A", "Second").andExpect(status().isOk());
        mvc.perform(delete("/api/v1/customers/AUD-9/override").with(MIA)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/customers/AUD-9/evaluation")).andExpect(status().isOk());

        List<Map<String, Object>> now = jdbc.queryForList("SELECT * FROM audit_log ORDER BY id");
        assertThat(now).hasSize(written.size() + 3);
        assertThat(now.subList(0, written.size())).isEqualTo(written);
    }

    private void evaluatedCustomer(String id, String... interactions) throws Exception {
        api.customer(id).name("Audited " + id).industry(null).region(null).create();
        // 18,000 in the last 12 months, bought before: tier C (Standard) by the shipped rules.
        api.orders(id, order("o-1", today.minusDays(500), "10000.00"), order("o-2", today.minusDays(40), "18000.00"));
        if (interactions.length > 0) {
            api.interactions(id, interactions);
        }
        api.evaluate(id);
    }

    private ResultActions setOverride(String customerId, String tier, String reason) throws Exception {
        return mvc.perform(put("/api/v1/customers/" + customerId + "/override").with(MIA).with(from("10.1.2.3"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"tier\":\"" + tier + "\",\"kind\":\"PIN\","
                        + "\"reason\":\"" + reason + "\",\"expiresAt\":\"" + clock.instant().plus(Duration.ofDays(3))
                        + "\"}"));
    }

    private ResultActions putOverride(String customerId, String body) throws Exception {
        return mvc.perform(put("/api/v1/customers/" + customerId + "/override").with(MIA)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions log(String query) throws Exception {
        return mvc.perform(get("/api/v1/audit/log" + query)).andExpect(status().isOk());
    }

    private void refused(String query, String field) throws Exception {
        mvc.perform(get("/api/v1/audit/log" + query)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.detail", containsString(field)));
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private int entries() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Integer.class);
    }

    private byte[] tiersInForce() {
        return active.current().files().stream().filter(f -> f.name().equals("tiers.xlsx")).findFirst().orElseThrow()
                .content();
    }

    /** The tiers.xlsx in force with the first row's description reworded. */
    private byte[] tiers(String description) {
        return Workbooks.withCell(tiersInForce(), "Tiers", 10, 1, description);
    }

    private static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }
}
