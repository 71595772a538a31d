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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.acme.tiering.run.EvaluationRun;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.run.RunStatus;
import com.acme.tiering.support.FullRun;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TieringApi;

/**
 * The runs pages: an operations manager starts a run as the API would (one at a time, audited), a run's page
 * polls that run's progress, an auditor sees no start button and may not start one, unknown runs are 404.
 */
@ServiceTest
class RunPagesTests {

    private static final RequestPostProcessor OPS = user("ops").roles("OPS_MANAGER");
    private static final RequestPostProcessor AUDITOR = user("auditor").roles("AUDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    TieringApi api;

    @Test
    void anOperationsManagerStartsARunThatIsAuditedAndListed() throws Exception {
        FullRun.awaitNoRunGoing(runs, Duration.ofMinutes(2));
        String location = mvc.perform(post("/runs").with(OPS).with(csrf())).andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/runs/\\d+");
        long id = Long.parseLong(location.substring("/runs/".length()));
        EvaluationRun run = FullRun.awaitEnded(runs, id, Duration.ofMinutes(2));

        assertThat(run.trigger()).isEqualTo("PAGE");
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'RUN_STARTED' AND target_id = ? "
                + "AND actor = 'ops' AND outcome = 202", Integer.class, String.valueOf(id))).isEqualTo(1);
        mvc.perform(get("/runs").with(AUDITOR)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("<title>Evaluation runs · Customer Tiering</title>"),
                containsString("href=\"/runs/" + id + "\""), containsString("COMPLETED"))));
        mvc.perform(get("/runs/" + id).with(AUDITOR)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Evaluation run " + id), containsString("COMPLETED"), not(containsString("hx-get")))));
    }

    @Test
    void whileARunGoesAnotherIsRefusedWith409LinkingToIt() throws Exception {
        FullRun.awaitNoRunGoing(runs, Duration.ofMinutes(2));
        long going = api.aRunThatIsGoing(2000, 500);
        try {
            int audited = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'RUN_STARTED'", Integer.class);
            mvc.perform(post("/runs").with(OPS).with(csrf())).andExpect(status().isConflict())
                    .andExpect(content().string(allOf(containsString("still in progress"),
                            containsString("href=\"/runs/" + going + "\""))));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'RUN_STARTED'", Integer.class))
                    .isEqualTo(audited);
        }
        finally {
            jdbc.update("DELETE FROM evaluation_run_tier WHERE run_id = ?", going);
            jdbc.update("DELETE FROM evaluation_run WHERE id = ?", going);
        }
    }

    @Test
    void aRunningRunsPagePollsThatRunAndTheDashboardStillPollsTheLatest() throws Exception {
        FullRun.awaitNoRunGoing(runs, Duration.ofMinutes(2));
        long going = api.aRunThatIsGoing(2000, 500);
        try {
            mvc.perform(get("/runs/" + going).with(AUDITOR)).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("hx-get=\"/runs/" + going + "/progress\""),
                            containsString("role=\"progressbar\""), containsString("RUNNING"))));
            mvc.perform(get("/runs/" + going + "/progress").with(AUDITOR)).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("id=\"run-progress\""),
                            containsString("hx-get=\"/runs/" + going + "/progress\""),
                            containsString("id=\"run-details\" class=\"card\" aria-labelledby=\"details-title\" "
                                    + "hx-swap-oob=\"true\""),
                            not(containsString("<html")))));
            mvc.perform(get("/dashboard/run").with(AUDITOR)).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("hx-get=\"/dashboard/run\""),
                            containsString("Last evaluation run"))));
        }
        finally {
            jdbc.update("DELETE FROM evaluation_run_tier WHERE run_id = ?", going);
            jdbc.update("DELETE FROM evaluation_run WHERE id = ?", going);
        }
    }

    @Test
    void anAuditorSeesNoStartButtonAndMayNotStartARun() throws Exception {
        mvc.perform(get("/runs").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"start-run\""))));
        mvc.perform(get("/runs").with(OPS)).andExpect(content().string(containsString("id=\"start-run\"")));
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_run", Integer.class);
        mvc.perform(post("/runs").with(AUDITOR).with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_run", Integer.class)).isEqualTo(before);
    }

    @Test
    void anUnknownRunIsA404PageInWords() throws Exception {
        mvc.perform(get("/runs/999999999").with(AUDITOR)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No evaluation run with id 999999999")));
        mvc.perform(get("/runs/999999999/progress").with(AUDITOR)).andExpect(status().isNotFound());
        mvc.perform(get("/runs/latest").with(AUDITOR)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("latest&#39; is not a valid id")));
    }
}
