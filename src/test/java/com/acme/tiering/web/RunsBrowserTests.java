package com.acme.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.support.Browser;
import com.acme.tiering.support.BrowserTest;
import com.acme.tiering.support.DemoRun;
import com.acme.tiering.support.FullRun;
import com.acme.tiering.support.TieringApi;

/** Evaluation runs in a real browser: an operations manager starts one and watches it complete. */
@BrowserTest
class RunsBrowserTests extends com.acme.tiering.support.BrowserPages {

    @Autowired
    EvaluationRuns runs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    TieringApi api;

    @Test
    void anOperationsManagerStartsARunAndSeesItsProgressReachCompleted() throws Exception {
        DemoRun.awaitCompleted(runs);
        Browser b = browser().signOut().signIn("ops", "ops-demo");
        String started = startARun(b);
        assertThat(b.title()).isEqualTo(started + " · Customer Tiering");

        new WebDriverWait(b.driver(), Duration.ofMinutes(2)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("run-progress")).getText().contains("COMPLETED"));
        assertThat(b.find(By.cssSelector("#run-progress [role=progressbar]")).getAttribute("aria-valuenow"))
                .isEqualTo("100.0");
        assertThat(b.find(By.id("run-progress")).getText()).contains("300 of 300 customers");
        // the bar's width comes from data-percent through app.js: the Content-Security-Policy allows no style=""
        assertThat(b.script("return document.querySelector('#run-progress .bar').style.width")).isEqualTo("100%");
        b.waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.id("run-details")).getText().contains("not yet"));
        b.screenshot("run");

        b.open("/runs");
        assertThat(b.title()).isEqualTo("Evaluation runs · Customer Tiering");
        String id = started.replace("Run ", "");
        assertThat(b.find(By.cssSelector("#runs tbody tr:first-child")).getText())
                .startsWith("Run " + id).contains("PAGE").contains("COMPLETED");
        b.screenshot("runs");
    }

    @Test
    void aRunsPageFollowsItsRunUntilItEndsWithoutReloading() throws Exception {
        DemoRun.awaitCompleted(runs);
        FullRun.awaitNoRunGoing(runs, Duration.ofMinutes(2));
        long id = api.aRunThatIsGoing(300, 100);
        try {
            Browser b = browser().signOut().signIn("auditor", "auditor-demo").open("/runs/" + id);
            assertThat(b.find(By.id("run-progress")).getText()).contains("RUNNING").contains("100 of 300 customers");
            assertThat(b.find(By.id("run-details")).getText()).contains("not yet").contains("Going for");
            b.script("document.body.dataset.loaded = 'once'");

            jdbc.update("UPDATE evaluation_run SET status = 'COMPLETED', processed_customers = 300, finished_at = ?, "
                    + "running_key = NULL WHERE id = ?", Timestamp.from(clock.instant()), id);

            b.waiting().ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("run-progress")).getText().contains("COMPLETED"));
            b.waiting().ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("run-details")).getText().contains("Duration"));
            assertThat(b.find(By.id("run-progress")).getText()).contains("300 of 300 customers");
            assertThat(b.find(By.id("run-details")).getText()).doesNotContain("not yet");
            assertThat(b.script("return document.body.dataset.loaded")).as("the page was not reloaded").isEqualTo("once");
        }
        finally {
            jdbc.update("DELETE FROM evaluation_run_tier WHERE run_id = ?", id);
            jdbc.update("DELETE FROM evaluation_run WHERE id = ?", id);
        }
    }

    @Test
    void anAuditorSeesTheRunsButNoStartButton() throws Exception {
        DemoRun.awaitCompleted(runs);
        Browser b = browser().signOut().signIn("auditor", "auditor-demo").open("/runs");
        assertThat(b.findAll(By.cssSelector("#runs tbody tr"))).isNotEmpty();
        assertThat(b.findAll(By.id("start-run"))).isEmpty();
        assertThat(b.text()).doesNotContain("Start a run");
    }

    /**
     * Clicks "Start a run" and confirms; while another test's run goes, waits for it and tries again.
     * Answers the heading of the new run's page, "Run 12".
     */
    private String startARun(Browser b) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            FullRun.awaitNoRunGoing(runs, Duration.ofMinutes(2));
            b.open("/runs");
            b.find(By.cssSelector("#start-run button[type=submit]")).click();
            b.acceptConfirmation();
            b.waiting().until(d -> b.path().matches("/runs/\\d+") || !b.findAll(By.id("run-refused")).isEmpty());
            if (b.path().matches("/runs/\\d+")) {
                assertThat(b.text()).contains(" started.");
                return "Run " + b.path().substring("/runs/".length());
            }
        }
        throw new AssertionError("Could not start a run within 3 minutes: another run was always going");
    }
}
