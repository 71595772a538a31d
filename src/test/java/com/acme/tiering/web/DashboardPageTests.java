package com.acme.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TieringApi;

/** The dashboard and the error pages without a browser: empty states and unknown addresses in words. */
@ServiceTest
class DashboardPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TieringApi api;

    @Test
    void anEmptyServiceSaysWhatIsMissingInsteadOfDrawingEmptyCharts() throws Exception {
        api.emptyDatabase();
        MockHttpServletResponse page = mvc.perform(get("/").with(user("auditor").roles("AUDITOR"))).andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("<title>Dashboard · Customer Tiering</title>")
                .contains("There are no customers yet").contains("No decisions yet: no customer has a tier.")
                .contains("No churn alert is open.").contains("No evaluation run yet")
                .contains("No completed run yet").doesNotContain("<canvas");
    }

    @Test
    void anUnknownPageIsAPageInWordsAndAnUnknownApiAddressStaysAProblemDetail() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/no-such-page").with(user("auditor").roles("AUDITOR")))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(page.getContentAsString()).contains("There is no page at this address");

        MockHttpServletResponse api = mvc.perform(get("/api/v1/no-such-thing").with(user("auditor").roles("AUDITOR")))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(404);
        assertThat(api.getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void aRoleWithoutPagesGetsTheForbiddenPageInWords() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/").with(user("sales").roles("SALES_SYSTEM"))).andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(403);
    }

    @Test
    void aChangeARoleMayNotMakeFromAPageIsAuditedAsAccessDenied() throws Exception {
        String auditor = "page-auditor-" + System.nanoTime();
        long runsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_run", Long.class);
        MockHttpServletResponse refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/runs").with(user(auditor).roles("AUDITOR"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'ACCESS_DENIED' AND actor = ? "
                + "AND http_method = 'POST' AND http_path = '/runs' AND outcome = 403", Long.class, auditor)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_run", Long.class)).isEqualTo(runsBefore);
    }

    @Test
    void theSignInPageListsTheDemoUsersOnTheEmbeddedDatabase() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/login")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("<title>Sign in · Customer Tiering</title>")
                .contains("ops-demo").contains("name=\"_csrf\"");
    }
}
