package com.acme.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static com.acme.tiering.support.TestData.nps;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TieringApi;

/**
 * The alerts pages answer bad filters and bad comments with a page in words naming the field and write
 * nothing; only an operations manager may acknowledge or resolve, and the others do not see the forms.
 */
@ServiceTest
class AlertPagesTests {

    private static final RequestPostProcessor OPS = user("ops").roles("OPS_MANAGER");
    private static final RequestPostProcessor AUDITOR = user("auditor").roles("AUDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    TieringApi api;

    String owner;
    long alert;

    /** A customer of its own, with its own owner, whose DETRACTOR alert is OPEN. */
    @BeforeEach
    void anOpenAlert() throws Exception {
        String customer = "PG-" + UUID.randomUUID().toString().substring(0, 8);
        owner = "Page Rep " + customer;
        api.customer(customer).name("Page Customer " + customer).industry("Retail").owner(owner).create();
        api.interactions(customer, nps("n-1", api.today().minusDays(10), 3));
        api.evaluate(customer);
        alert = jdbc.queryForObject("SELECT id FROM churn_alert WHERE customer_id = ? AND status = 'OPEN'", Long.class,
                customer);
    }

    @Test
    void theAlertShowsTheOwnerRoleBesideTheRecommendedAction() throws Exception {
        mvc.perform(get("/alerts/" + alert).with(OPS)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Account manager calls within 72 h"),
                containsString("<td id=\"owner-role\"><code>ACCOUNT_MANAGER</code></td>"))));
        mvc.perform(get("/alerts?owner=" + owner).with(OPS)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<code class=\"muted owner-role\">ACCOUNT_MANAGER</code>")));
    }

    @Test
    void theListFiltersByOwnerAndMarksOverdueAlertsInWords() throws Exception {
        jdbc.update("UPDATE churn_alert SET due_at = ? WHERE id = ?",
                Timestamp.from(clock.instant().minus(Duration.ofHours(1))), alert);

        String page = mvc.perform(get("/alerts").param("owner", owner).param("overdue", "true").with(AUDITOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<title>Churn alerts · Customer Tiering</title>")
                .contains("data-alert-id=\"" + alert + "\"").contains("class=\"overdue\"").contains(">Overdue<")
                .contains("DETRACTOR").contains("href=\"/alerts/" + alert + "\"");

        mvc.perform(get("/alerts").param("owner", owner).param("overdue", "false").with(AUDITOR))
                .andExpect(status().isOk()).andExpect(content().string(containsString("No alert matches these filters")));
    }

    @Test
    void filtersLeftEmptyInTheFormMeanNoFilter() throws Exception {
        mvc.perform(get("/alerts?status=&risk=&owner=&trigger=&overdue=").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-alert-id=")));
    }

    @Test
    void badFiltersAreAnswered400InWordsNamingTheParameter() throws Exception {
        String[][] cases = { { "status", "SHELVED" }, { "risk", "EXTREME" }, { "trigger", "detractor" },
                { "owner", "x".repeat(101) }, { "overdue", "maybe" }, { "page", "-1" }, { "page", "abc" },
                { "page", "1000001" }, { "size", "0" }, { "size", "501" } };
        for (String[] bad : cases) {
            mvc.perform(get("/alerts").param(bad[0], bad[1]).with(AUDITOR))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString(bad[0])));
        }
    }

    @Test
    void pagesLinkToEachOtherKeepingTheFilters() throws Exception {
        mvc.perform(get("/alerts").param("status", "OPEN").param("size", "1").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/alerts?status=OPEN&amp;page=1&amp;size=1\"")));
        mvc.perform(get("/alerts").param("status", "OPEN").param("size", "1").param("page", "1").with(AUDITOR))
                .andExpect(content().string(containsString("href=\"/alerts?status=OPEN&amp;size=1\"")));
    }

    @Test
    void anOperationsManagerAcknowledgesWithACommentAndItIsRecordedAndAudited() throws Exception {
        mvc.perform(post("/alerts/" + alert + "/acknowledgement").param("comment", "Calling them today")
                .with(OPS).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/alerts/" + alert))
                .andExpect(flash().attribute("notice", "Churn alert " + alert + " acknowledged."));

        assertThat(statusOf(alert)).isEqualTo("ACKNOWLEDGED");
        assertThat(jdbc.queryForObject("SELECT comment_text FROM churn_alert_transition WHERE alert_id = ? "
                + "AND to_status = 'ACKNOWLEDGED' AND actor = 'ops'", String.class, alert)).isEqualTo("Calling them today");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'ALERT_ACKNOWLEDGED' "
                + "AND target_id = ? AND actor = 'ops'", Integer.class, String.valueOf(alert))).isEqualTo(1);
        mvc.perform(get("/alerts/" + alert).with(OPS)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Calling them today"), containsString("ACKNOWLEDGED"),
                        not(containsString("id=\"acknowledge\"")), containsString("id=\"resolve\""))));
    }

    @Test
    void aQuickAcknowledgementReturnsToTheFilteredListAndNowhereElse() throws Exception {
        mvc.perform(post("/alerts/" + alert + "/acknowledgement").param("back", "https://elsewhere.example/alerts")
                .with(OPS).with(csrf())).andExpect(redirectedUrl("/alerts/" + alert));
        long other = anotherOpenAlert();
        mvc.perform(post("/alerts/" + other + "/acknowledgement").param("back", "/alerts?status=OPEN&risk=MEDIUM")
                .with(OPS).with(csrf())).andExpect(redirectedUrl("/alerts?status=OPEN&risk=MEDIUM"));
        assertThat(statusOf(other)).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void resolvingWithoutACommentIsRefusedNamingTheCommentAndWritesNothing() throws Exception {
        int transitions = transitions(alert);
        for (String comment : new String[] { "", "   ", "x".repeat(2001), "bell \u0007 in it" }) {
            mvc.perform(post("/alerts/" + alert + "/resolution").param("comment", comment).with(OPS).with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(allOf(containsString("comment: "), containsString("id=\"resolve-error\""))));
        }
        mvc.perform(post("/alerts/" + alert + "/resolution").with(OPS).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("comment: must say what was done")));
        mvc.perform(post("/alerts/" + alert + "/acknowledgement").param("comment", "x".repeat(2001)).with(OPS)
                .with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"acknowledge-error\"")));

        assertThat(statusOf(alert)).isEqualTo("OPEN");
        assertThat(transitions(alert)).isEqualTo(transitions);
    }

    @Test
    void aTransitionTheStatusDoesNotAllowIsRefusedWith409InWords() throws Exception {
        mvc.perform(post("/alerts/" + alert + "/resolution").param("comment", "Called, all fine").with(OPS).with(csrf()))
                .andExpect(status().isFound());
        int transitions = transitions(alert);

        mvc.perform(post("/alerts/" + alert + "/resolution").param("comment", "Again").with(OPS).with(csrf()))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("is already resolved")));
        mvc.perform(post("/alerts/" + alert + "/acknowledgement").with(OPS).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(transitions(alert)).isEqualTo(transitions);
    }

    @Test
    void anAuditorSeesNoFormsAndIsRefusedEveryChange() throws Exception {
        mvc.perform(get("/alerts/" + alert).with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("/acknowledgement\"")),
                        not(containsString("/resolution\"")))));
        mvc.perform(get("/alerts").param("owner", owner).with(AUDITOR))
                .andExpect(content().string(not(containsString("/acknowledgement\""))));
        mvc.perform(get("/alerts/" + alert).with(OPS)).andExpect(content().string(allOf(
                containsString("action=\"/alerts/" + alert + "/acknowledgement\""),
                containsString("action=\"/alerts/" + alert + "/resolution\""))));

        mvc.perform(post("/alerts/" + alert + "/acknowledgement").with(AUDITOR).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/alerts/" + alert + "/resolution").param("comment", "done").with(AUDITOR).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(statusOf(alert)).isEqualTo("OPEN");
    }

    @Test
    void anUnknownAlertIsA404PageInWords() throws Exception {
        mvc.perform(get("/alerts/999999999").with(AUDITOR)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no churn alert 999999999")));
        mvc.perform(post("/alerts/999999999/acknowledgement").with(OPS).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/alerts/999999999/resolution").param("comment", "x").with(OPS).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/alerts/not-a-number").with(AUDITOR)).andExpect(status().isBadRequest());
    }

    private long anotherOpenAlert() throws Exception {
        long first = alert;
        anOpenAlert();
        long other = alert;
        alert = first;
        return other;
    }

    private String statusOf(long id) {
        return jdbc.queryForObject("SELECT status FROM churn_alert WHERE id = ?", String.class, id);
    }

    private int transitions(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM churn_alert_transition WHERE alert_id = ?", Integer.class, id);
    }
}
