package com.acme.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.security.Roles;
import com.acme.tiering.support.Approval;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestData;
import com.acme.tiering.support.TieringApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16 item 4 through the API only, as an operations manager (no DRL): the plan table declares its
 * entitlements, so adding a yes/no and a Chinese text column and removing visitsPerYear is a spreadsheet change,
 * answered by the lookup as typed JSON; values that do not fit their declared type are refused naming the cell.
 * Runs on H2 and on a real MySQL-protocol server (UTF-8 of the Chinese name and value) through the subclasses, in
 * the service's default context: the runs that publishing and putting the shipped rules back start are waited for.
 */
@ServiceTest
abstract class DeclaredEntitlementsContract {

    /** ServicePlans columns of the shipped table (0-based): G accountManager ... L supportChannel. */
    private static final int ACCOUNT_MANAGER = 6;
    private static final int RESPONSE_SLA_HOURS = 7;
    private static final int VISITS_PER_YEAR = 9;
    private static final int FIRST_RULE_ROW = 10;
    private static final int RULE_ROWS = 7;

    /** Rules are changed by an operations manager alone: no rule-author role, no DRL. */
    private static final RequestPostProcessor OPERATIONS_MANAGER = user("ops").roles(Roles.OPS_MANAGER);

    @Autowired
    MockMvc mvc;

    @Autowired
    TieringApi api;

    @Autowired
    ActiveRuleset active;

    @Autowired
    JsonMapper json;

    @Test
    void anAddedYesNoAndChineseTextColumnAndARemovedColumnReachTheLookupAsTypedJson() throws Exception {
        String before = active.current().version();
        LocalDate today = api.today();
        api.customer("ENT-BIG").name("Große Kunde AG").create();
        orders("ENT-BIG", today, "250000.00", 12);
        api.customer("ENT-NONE").name("No Orders Ltd").create();

        String created = upload(servicePlans(this::freeShippingAndServiceContactWithoutVisits))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.findings").isEmpty())
                .andExpect(jsonPath("$.failingTests").isEmpty())
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(post(created + "/simulation").with(OPERATIONS_MANAGER)).andExpect(status().isOk());
        Approval.approve(mvc, created);
        mvc.perform(post(created + "/publish").with(OPERATIONS_MANAGER)).andExpect(status().isOk());
        api.awaitNoRunGoing();
        try {
            evaluate("ENT-BIG");
            evaluate("ENT-NONE");
            JsonNode big = lookup("ENT-BIG");
            JsonNode none = lookup("ENT-NONE");

            assertThat(none.path("servicePlan").path("code").asString()).isEqualTo("BASIC");
            assertThat(big.path("servicePlan").path("code").asString()).isNotEqualTo("BASIC");
            JsonNode bigEntitlements = big.path("servicePlan").path("entitlements");
            JsonNode noneEntitlements = none.path("servicePlan").path("entitlements");
            assertThat(bigEntitlements.path("freeShipping").isBoolean()).isTrue();
            assertThat(bigEntitlements.path("freeShipping").asBoolean()).isTrue();
            assertThat(noneEntitlements.path("freeShipping").isBoolean()).isTrue();
            assertThat(noneEntitlements.path("freeShipping").asBoolean()).isFalse();
            assertThat(noneEntitlements.path("专属客服").asString()).isEqualTo("在线客服中心");
            assertThat(bigEntitlements.path("专属客服").asString()).isEqualTo("王经理");
            assertThat(noneEntitlements.has("visitsPerYear")).isFalse();
            assertThat(noneEntitlements.path("responseSlaHours").isIntegralNumber()).isTrue();
            assertThat(noneEntitlements.path("responseSlaHours").asLong()).isEqualTo(72);
            assertThat(noneEntitlements.propertyNames()).containsExactly("accountManager", "responseSlaHours",
                    "reviewCadence", "discountPct", "supportChannel", "freeShipping", "专属客服");
            // the decision endpoints answer the same map
            mvc.perform(get("/api/v1/customers/ENT-NONE/decisions"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].servicePlan.entitlements.freeShipping", hasItem(false)))
                    .andExpect(jsonPath("$[*].servicePlan.entitlements.专属客服", hasItem("在线客服中心")));
        }
        finally {
            activateAgain(before);
            api.awaitNoRunGoing();
        }
        evaluate("ENT-NONE");
        JsonNode shipped = lookup("ENT-NONE").path("servicePlan").path("entitlements");
        assertThat(shipped.has("freeShipping")).isFalse();
        assertThat(shipped.path("visitsPerYear").asLong()).isEqualTo(0);
    }

    @Test
    void aValueThatDoesNotFitItsDeclaredTypeIsRefusedNamingTheCellAndNothingChanges() throws Exception {
        String before = active.current().version();
        refused(servicePlans(sheet -> {
            freeShippingAndServiceContactWithoutVisits(sheet);
            set(sheet, FIRST_RULE_ROW + 2, 11, "maybe");
        }), "L13", "'maybe' is neither yes nor no");
        refused(servicePlans(sheet -> set(sheet, FIRST_RULE_ROW, RESPONSE_SLA_HOURS, "four")), "H11",
                "'four' is not a whole number");
        refused(servicePlans(sheet -> set(sheet, FIRST_RULE_ROW + 1, ACCOUNT_MANAGER, "PERSONAL")), "G12",
                "'PERSONAL' is not a code of accountManager");
        refused(servicePlans(sheet -> set(sheet, 8, VISITS_PER_YEAR, "entitlement visitsPerYear number")), "J9",
                "'number' is not an entitlement type");
        assertThat(active.current().version()).isEqualTo(before);
    }

    /** Removes visitsPerYear (J) and adds freeShipping (yes/no) and 专属客服 (text) after supportChannel. */
    private void freeShippingAndServiceContactWithoutVisits(Sheet sheet) {
        for (Row row : sheet) {
            Cell visits = row.getCell(VISITS_PER_YEAR);
            if (visits != null) {
                row.removeCell(visits);
            }
        }
        sheet.shiftColumns(VISITS_PER_YEAR + 1, 11, -1);
        set(sheet, 6, 11, "ACTION");
        set(sheet, 8, 11, "entitlement freeShipping yes/no");
        set(sheet, 9, 11, "freeShipping");
        set(sheet, 6, 12, "ACTION");
        set(sheet, 8, 12, "entitlement 专属客服 text");
        set(sheet, 9, 12, "专属客服");
        for (int r = FIRST_RULE_ROW; r < FIRST_RULE_ROW + RULE_ROWS; r++) {
            boolean basic = sheet.getRow(r).getCell(5).getStringCellValue().equals("BASIC");
            set(sheet, r, 11, basic ? "no" : "yes");
            set(sheet, r, 12, basic ? "在线客服中心" : "王经理");
        }
    }

    private void refused(byte[] workbook, String cell, String message) throws Exception {
        upload(workbook).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.findings[0].file").value("service-plans.xlsx"))
                .andExpect(jsonPath("$.findings[0].sheet").value("ServicePlans"))
                .andExpect(jsonPath("$.findings[0].cell").value(cell))
                .andExpect(jsonPath("$.findings[0].message", containsString(message)));
    }

    /** The service-plans.xlsx in force, edited as an operations manager would in Excel. */
    private byte[] servicePlans(Consumer<Sheet> edit) {
        byte[] inForce = active.current().files().stream().filter(f -> f.name().equals("service-plans.xlsx"))
                .findFirst().orElseThrow().content();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(inForce))) {
            edit.accept(workbook.getSheet("ServicePlans"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static void set(Sheet sheet, int row, int column, String value) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        if (r.getCell(column) != null) {
            r.removeCell(r.getCell(column));
        }
        r.createCell(column).setCellValue(value);
    }

    private ResultActions upload(byte[] servicePlans) throws Exception {
        return api.upload(OPERATIONS_MANAGER, "service-plans.xlsx", servicePlans, "entitlements");
    }

    private void activateAgain(String contentHash) throws Exception {
        long id = json.readTree(mvc.perform(get("/api/v1/rulesets")).andReturn().getResponse().getContentAsString())
                .valueStream().filter(v -> v.get("contentHash").asString().equals(contentHash))
                .filter(v -> !v.get("status").asString().equals("DRAFT")).findFirst().orElseThrow().get("id").asLong();
        mvc.perform(post("/api/v1/rulesets/" + id + "/activate")
                .with(user(Approval.REVIEWER).roles(Roles.OPS_MANAGER)))
                .andExpect(status().isOk());
    }

    /** One order a month for the last months, each of this amount. */
    private void orders(String customerId, LocalDate today, String amount, int months) throws Exception {
        api.orders(customerId, IntStream.range(0, months).mapToObj(m -> TestData.order(customerId + "-" + m,
                today.minusMonths(m).minusDays(1), amount)).toArray(String[]::new));
    }

    private void evaluate(String customerId) throws Exception {
        api.evaluate(customerId);
    }

    private JsonNode lookup(String customerId) throws Exception {
        return json.readTree(TieringApi.body(api.tier(customerId).andExpect(status().isOk())));
    }
}
