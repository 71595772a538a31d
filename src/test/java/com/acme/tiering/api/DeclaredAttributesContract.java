package com.acme.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.security.Roles;
import com.acme.tiering.support.Approval;
import com.acme.tiering.support.AttributeWorkbooks;
import com.acme.tiering.support.Governance;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestData;
import com.acme.tiering.support.TestProfiles;
import com.acme.tiering.support.TieringApi;

/**
 * Issue 17 items 1 and 2 through the API only, as an operations manager: declare contractType (FRAMEWORK /
 * ONE_OFF) with a ruleset upload, set it on customers, add the tier row "Key: framework contract and at least 4
 * orders", publish, and the lookups, explanations and decisions' facts follow. Refused with a 400 or 422 naming the
 * attribute or the cell, nothing written: an undeclared attribute, a text in an integer attribute, a value outside
 * the code list, a tier row reading an attribute no one declares. Removing the declaration keeps the values.
 * Runs on H2 and on a real MySQL-protocol server through the subclasses.
 */
@ServiceTest
@ActiveProfiles(TestProfiles.NO_RUN_AFTER_ACTIVATION)
abstract class DeclaredAttributesContract {

    /** Rules are changed by an operations manager alone: no rule-author role, no DRL. */
    private static final RequestPostProcessor OPERATIONS_MANAGER = user("ops").roles(Roles.OPS_MANAGER);

    /** contractType and seats besides the shipped relationshipDepth. */
    private static final RuleFile DECLARED = AttributeWorkbooks.shippedAnd(
            AttributeWorkbooks.row("contractType", "code", "FRAMEWORK, ONE_OFF", null, null, "no",
                    "The customer's contract with us"),
            AttributeWorkbooks.row("seats", "integer", "", 1, 5000, "no", "Licensed seats"));

    @Autowired
    MockMvc mvc;

    @Autowired
    TieringApi api;

    @Autowired
    Governance governance;

    @Autowired
    JdbcTemplate jdbc;

    LocalDate today;

    @BeforeEach
    void noCustomersAndTheShippedRules() {
        today = api.emptyDatabase();
        governance.firstVersionBackInForce("test");
    }

    @AfterEach
    void theShippedRulesBackInForce() {
        governance.firstVersionBackInForce("test");
    }

    @Test
    void aDeclaredAttributeSetOnCustomersIsReadByANewTierRowOncePublished() throws Exception {
        publish(DECLARED);
        withOrders(buyer("FW-1").attribute("contractType", "FRAMEWORK").attribute("seats", 40));
        withOrders(buyer("OO-1").attribute("contractType", "ONE_OFF"));
        withOrders(buyer("NONE-1"));
        api.tier("FW-1").andExpect(status().isNotFound());

        mvc.perform(get("/api/v1/customers/FW-1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.attributes.contractType").value("FRAMEWORK"))
                .andExpect(jsonPath("$.attributes.seats").value(40))
                .andExpect(jsonPath("$.attributes.relationshipDepth").doesNotExist());
        for (String id : new String[] { "FW-1", "OO-1", "NONE-1" }) {
            api.evaluate(id).andExpect(jsonPath("$.tier").value("C"));
        }

        publish(frameworkTiers("FRAMEWORK"));
        api.evaluate("FW-1");
        api.evaluate("OO-1");
        api.evaluate("NONE-1");

        api.tier("FW-1").andExpect(jsonPath("$.tier").value("B")).andExpect(jsonPath("$.tierName").value("Key"));
        api.tier("OO-1").andExpect(jsonPath("$.tier").value("C"));
        api.tier("NONE-1").andExpect(jsonPath("$.tier").value("C"));
        mvc.perform(get("/api/v1/customers/FW-1/explanation")).andExpect(status().isOk())
                .andExpect(jsonPath("$.explanation.summary", containsString("framework contract and at least 4 orders — "
                        + "ordersLast12m 5 ≥ 4, contractType is FRAMEWORK (tiers.xlsx › Tiers › row 14)")));
        mvc.perform(get("/api/v1/customers/NONE-1/explanation")).andExpect(status().isOk())
                .andExpect(jsonPath("$.explanation.whyNotHigher[*].unmet[*].text",
                        org.hamcrest.Matchers.hasItem("contractType is missing, needs FRAMEWORK")));
        mvc.perform(get("/api/v1/customers/FW-1/decisions")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].facts.attributes.contractType").value("FRAMEWORK"))
                .andExpect(jsonPath("$[0].facts.attributes.seats").value(40));

        // what-if sets attributes as ingestion does, checked the same way
        mvc.perform(post("/api/v1/evaluations/what-if").contentType(MediaType.APPLICATION_JSON).content("""
                {"ordersLast12m": 5, "recencyDays": 10, "attributes": {"contractType": "FRAMEWORK", "seats": 12}}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tier").value("B"))
                .andExpect(jsonPath("$.facts.attributes.seats").value(12));
        mvc.perform(post("/api/v1/evaluations/what-if").contentType(MediaType.APPLICATION_JSON).content("""
                {"ordersLast12m": 5, "attributes": {"contractType": "PARTNER"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attributes.contractType"))
                .andExpect(jsonPath("$.errors[0].message").value("'PARTNER' is not one of FRAMEWORK, ONE_OFF"));

        // a changed attribute is a changed customer: the next decision follows it (the downgrade waits its grace)
        buyer("FW-1").attribute("contractType", "ONE_OFF").create();
        api.evaluate("FW-1").andExpect(jsonPath("$.qualifiedTier").value("C")).andExpect(jsonPath("$.tier").value("B"))
                .andExpect(jsonPath("$.downgradePendingSince").value(today.toString()));
    }

    @Test
    void aValueTheDeclarationsDoNotAllowIsRefusedNamingTheAttributeAndNothingIsWritten() throws Exception {
        publish(DECLARED);
        buyer("KEEP-1").attribute("contractType", "FRAMEWORK").attribute("seats", 40).create();

        refused(buyer("NEW-1").attribute("partnerLevel", "GOLD"), "attributes.partnerLevel",
                "is not a declared attribute: the rules in force declare relationshipDepth, contractType, seats");
        refused(buyer("KEEP-1").name("Renamed").attribute("seats", "forty"), "attributes.seats",
                "must be a whole number (integer), not the text 'forty'");
        refused(buyer("KEEP-1").name("Renamed").attribute("contractType", "PARTNER"), "attributes.contractType",
                "'PARTNER' is not one of FRAMEWORK, ONE_OFF");
        refused(buyer("KEEP-1").name("Renamed").attribute("seats", 0), "attributes.seats", "'0' is outside 1 to 5000");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE customer_id = 'NEW-1'", Integer.class))
                .isZero();
        mvc.perform(get("/api/v1/customers/KEEP-1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Customer KEEP-1"))
                .andExpect(jsonPath("$.attributes.contractType").value("FRAMEWORK"))
                .andExpect(jsonPath("$.attributes.seats").value(40));
        mvc.perform(get("/api/v1/customers/NEW-1")).andExpect(status().isNotFound());
    }

    @Test
    void aTierRowReadingAnUndeclaredAttributeIsRefusedNamingTheCellAndNothingChanges() throws Exception {
        String before = governance.active().current().version();

        upload(frameworkTiers("FRAMEWORK")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.findings[0].file").value("tiers.xlsx"))
                .andExpect(jsonPath("$.findings[0].sheet").value("Tiers"))
                .andExpect(jsonPath("$.findings[0].cell").value("G9"))
                .andExpect(jsonPath("$.findings[0].message", containsString("contractType, which no attribute "
                        + "declares")));

        assertThat(governance.active().current().version()).isEqualTo(before);
    }

    @Test
    void aRemovedDeclarationKeepsTheValuesAndTheValidationNamesTheTablesStillReadingIt() throws Exception {
        publish(DECLARED, frameworkTiers("FRAMEWORK"));
        withOrders(buyer("FW-2").attribute("contractType", "FRAMEWORK"));

        upload(new RuleFile(AttributeWorkbooks.FILE, shipped(AttributeWorkbooks.FILE)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.findings[0].cell").value("G9"))
                .andExpect(jsonPath("$.findings[0].message", containsString("contractType, which no attribute "
                        + "declares")));
        publish(new RuleFile(AttributeWorkbooks.FILE, shipped(AttributeWorkbooks.FILE)),
                new RuleFile("tiers.xlsx", shipped("tiers.xlsx")));

        mvc.perform(get("/api/v1/customers/FW-2")).andExpect(jsonPath("$.attributes.contractType").value("FRAMEWORK"));
        api.evaluate("FW-2").andExpect(jsonPath("$.tier").value("C"))
                .andExpect(jsonPath("$.facts.attributes.contractType").value("FRAMEWORK"));
        refused(buyer("FW-2").attribute("contractType", "ONE_OFF"), "attributes.contractType",
                "is not a declared attribute: the rules in force declare relationshipDepth");
    }

    private TieringApi.NewCustomer buyer(String id) {
        return api.customer(id);
    }

    /** Creates the customer with five orders in the last months: Standard (C) by the shipped rows, with no run. */
    private void withOrders(TieringApi.NewCustomer customer) throws Exception {
        String id = customer.create();
        api.orders(id, TestData.order(id + "-1", today.minusDays(10), "100.00"),
                TestData.order(id + "-2", today.minusDays(60), "100.00"),
                TestData.order(id + "-3", today.minusDays(120), "100.00"),
                TestData.order(id + "-4", today.minusDays(180), "100.00"),
                TestData.order(id + "-5", today.minusDays(240), "100.00"));
    }

    private void refused(TieringApi.NewCustomer customer, String field, String message) throws Exception {
        customer.send().andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message))
                .andExpect(jsonPath("$.detail", containsString(field)));
    }

    /** Tiers with a contractType column (G) and the row "Key: framework contract and at least 4 orders" as row 14. */
    private static RuleFile frameworkTiers(String contractType) {
        byte[] tiers = AttributeWorkbooks.withConditionColumn(shipped("tiers.xlsx"), "Tiers",
                "contractType == \"$param\"", "contractType");
        return new RuleFile("tiers.xlsx", AttributeWorkbooks.withRow(tiers, "Tiers", 13, Map.of(0,
                "Key: framework contract", 1, "Key: framework contract and at least 4 orders", 4, 4, 6, contractType,
                7, "B")));
    }

    /** Uploads, simulates, has approved and publishes the files as an operations manager. */
    private void publish(RuleFile... files) throws Exception {
        String draft = upload(files).andExpect(status().isCreated()).andExpect(jsonPath("$.findings").isEmpty())
                .andExpect(jsonPath("$.failingTests").isEmpty()).andReturn().getResponse().getHeader("Location");
        mvc.perform(post(draft + "/simulation").with(OPERATIONS_MANAGER)).andExpect(status().isOk());
        Approval.approve(mvc, draft);
        mvc.perform(post(draft + "/publish").with(OPERATIONS_MANAGER)).andExpect(status().isOk());
    }

    private ResultActions upload(RuleFile... files) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/rulesets");
        for (RuleFile file : files) {
            request.file(new MockMultipartFile("files", file.name(), MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    file.content()));
        }
        return mvc.perform(request.param("comment", "customer attributes").with(OPERATIONS_MANAGER));
    }

    private static byte[] shipped(String name) {
        try {
            return Files.readAllBytes(Path.of("rules", name));
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
