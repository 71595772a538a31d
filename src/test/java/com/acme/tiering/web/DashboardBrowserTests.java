package com.acme.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.run.EvaluationRun;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.support.Browser;
import com.acme.tiering.support.BrowserTest;
import com.acme.tiering.support.DemoRun;

/** The dashboard in a real browser: signed out it asks to sign in; signed in it shows the tiering in charts. */
@BrowserTest
class DashboardBrowserTests extends com.acme.tiering.support.BrowserPages {

    @Autowired
    EvaluationRuns runs;

    @Autowired
    DecisionQueries decisions;

    @Test
    void signedOutTheDashboardAsksToSignInAndAWrongPasswordIsSaidInWords() {
        Browser b = browser().signOut().open("/");
        assertThat(b.path()).startsWith("/login");
        assertThat(b.title()).isEqualTo("Sign in · Customer Tiering");
        b.find(By.id("username")).sendKeys("ops");
        b.find(By.id("password")).sendKeys("not-the-password");
        b.find(By.cssSelector("form button[type=submit]")).click();
        assertThat(b.awaitText("do not match")).contains("That user name and password do not match");
    }

    @Test
    void showsCustomersPerTierInAChartWithTheNumbersBesideIt() throws Exception {
        EvaluationRun demoRun = DemoRun.awaitCompleted(runs);
        Browser b = browser().signOut().signIn("ops", "ops-demo").open("/");

        assertThat(b.title()).isEqualTo("Dashboard · Customer Tiering");
        assertThat(b.find(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        long shown = 0;
        for (WebElement cell : b.findAll(By.cssSelector("#table-tiers tbody td.num"))) {
            shown += Long.parseLong(cell.getText().replace(",", ""));
        }
        assertThat(shown).isEqualTo(decisions.summary().decided()).isEqualTo(300);
        assertThat(b.script("return Chart.getChart(document.getElementById('chart-tiers')) != null")).isEqualTo(true);
        assertThat(b.script("return Chart.getChart(document.getElementById('chart-trend')) != null")).isEqualTo(true);
        assertThat(b.find(By.id("run-progress")).getText()).contains("Run " + demoRun.id()).contains("COMPLETED")
                .contains("300 of 300 customers");
        assertThat(b.find(By.cssSelector("nav[aria-label=Main] a[aria-current=page]")).getText()).isEqualTo("Dashboard");
        b.screenshot("dashboard");
    }

    @Test
    void theFirstTabLeadsPastTheNavigationToTheContent() {
        Browser b = browser().signOut().signIn("auditor", "auditor-demo").open("/");
        b.find(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = b.driver().switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");
        focused.sendKeys(Keys.ENTER);
        assertThat(b.path()).endsWith("#main");
    }

    /** Swagger UI, linked from every page's footer, is served by the service and runs under its policy too. */
    @Test
    void theApiPageListsTheEndpointsUnderTheContentSecurityPolicy() {
        Browser b = browser().signOut().open("/swagger-ui.html");
        assertThat(b.awaitText("/api/v1/evaluations/what-if")).contains("Customer Tiering Service");
        b.screenshot("swagger-ui");
    }

    /** The check every browser test ends with (BrowserPages) sees what the policy refuses, so it can fail. */
    @Test
    void theConsoleShowsWhatTheContentSecurityPolicyRefuses() {
        Browser b = browser().signOut().signIn("auditor", "auditor-demo").open("/");
        assertThat(b.policyViolations()).isEmpty();
        b.script("var s = document.createElement('script'); s.textContent = 'window.injected = true;';"
                + "document.body.appendChild(s); document.body.setAttribute('style', 'color: red');");
        assertThat(b.script("return window.injected === true")).isEqualTo(false);
        List<String> refused = new java.util.ArrayList<>();
        b.waiting().until(d -> refused.addAll(b.policyViolations()) && refused.size() >= 2 || refused.size() >= 2);
        assertThat(String.join("\n", refused)).contains("script-src 'self'").contains("style-src 'self'");
    }

    @Test
    void anUnknownPageSaysSoInWords() {
        Browser b = browser().signOut().signIn("auditor", "auditor-demo").open("/no-such-page");
        assertThat(b.find(By.tagName("h1")).getText()).isNotBlank();
        assertThat(b.text()).contains("There is no page at this address");
    }
}
