package com.acme.tiering.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TieringApi;

/**
 * Customer attributes on the pages and in the customers listing: the customer page shows each declared attribute
 * with its value or "missing", the list shows the values and filters by one (also through the API), and a value the
 * declaration does not allow is a 400 saying so. Uses the shipped declaration, relationshipDepth.
 */
@ServiceTest
class CustomerAttributePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TieringApi api;

    /** The prefix of every id this test makes, so that no other test's customers match. */
    String prefix;

    @BeforeEach
    void threeCustomersOfWhichTwoCarryTheAttribute() throws Exception {
        prefix = "ATTR" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        api.customer(prefix + "-DM").attribute("relationshipDepth", "DECISION_MAKER").create();
        api.customer(prefix + "-US").attribute("relationshipDepth", "USER").create();
        api.customer(prefix + "-NO").create();
    }

    @Test
    void theCustomerPageShowsEachDeclaredAttributeWithItsValueOrMissing() throws Exception {
        mvc.perform(get("/customers/" + prefix + "-DM")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"attribute-relationshipDepth\""),
                        containsString("<td>DECISION_MAKER</td>"),
                        containsString("code: DECISION_MAKER, INFLUENCER, USER"))));
        mvc.perform(get("/customers/" + prefix + "-NO")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td class=\"muted\">missing</td>")));
    }

    @Test
    void theListShowsTheValuesAndFiltersByOne() throws Exception {
        mvc.perform(get("/customers").param("q", prefix).param("attribute", "relationshipDepth")
                .param("value", "DECISION_MAKER")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(prefix + "-DM"), not(containsString(prefix + "-US")),
                        not(containsString(prefix + "-NO")), containsString("relationshipDepth: DECISION_MAKER"))));
        mvc.perform(get("/customers").param("q", prefix).param("attribute", "relationshipDepth"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString(prefix + "-DM"),
                        containsString(prefix + "-US"), not(containsString(prefix + "-NO")))));
        mvc.perform(get("/api/v1/customers").param("query", prefix).param("attribute", "relationshipDepth")
                .param("value", "USER")).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.customers[0].customerId").value(prefix + "-US"))
                .andExpect(jsonPath("$.customers[0].attributes.relationshipDepth").value("USER"));
    }

    @Test
    void aFilterValueTheDeclarationDoesNotAllowIsRefusedInWords() throws Exception {
        mvc.perform(get("/customers").param("attribute", "relationshipDepth").param("value", "BOSS"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("value: &#39;BOSS&#39; is not one of DECISION_MAKER, "
                        + "INFLUENCER, USER.")));
        mvc.perform(get("/api/v1/customers").param("attribute", "relationshipDepth").param("value", "BOSS"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", Matchers.containsString("'BOSS' is not one of")));
        mvc.perform(get("/api/v1/customers").param("value", "USER")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", Matchers.containsString("value")));
    }
}
