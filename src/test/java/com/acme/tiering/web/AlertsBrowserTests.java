package com.acme.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import com.acme.tiering.decision.ChurnAlert;
import com.acme.tiering.decision.ChurnAlerts;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.support.Browser;
import com.acme.tiering.support.BrowserTest;
import com.acme.tiering.support.DemoRun;

/** Churn alerts in a real browser: an operations manager filters, opens and acknowledges one; an auditor reads. */
@BrowserTest
class AlertsBrowserTests extends com.acme.tiering.support.BrowserPages {

    @Autowired
    EvaluationRuns runs;

    @Autowired
    ChurnAlerts alerts;

    @Test
    void anOperationsManagerFiltersToOpenAlertsAndAcknowledgesOneWithAComment() throws Exception {
        DemoRun.awaitCompleted(runs);
        Browser b = browser().signOut().signIn("ops", "ops-demo").open("/alerts");
        assertThat(b.title()).isEqualTo("Churn alerts · Customer Tiering");
        assertThat(b.find(By.cssSelector("nav[aria-label=Main] a[aria-current=page]")).getText()).isEqualTo("Alerts");

        new Select(b.find(By.id("status"))).selectByValue("OPEN");
        b.find(By.cssSelector("form.alert-filters button[type=submit]")).click();
        b.waiting().until(d -> b.path().contains("status=OPEN"));
        List<WebElement> rows = b.findAll(By.cssSelector("#alerts tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(row -> assertThat(row.getText()).contains("OPEN"));
        b.screenshot("alerts");

        WebElement first = rows.get(0).findElement(By.cssSelector("td:first-child a"));
        String alertId = first.getText().replace("Alert ", "");
        first.click();
        b.waiting().until(d -> b.path().equals("/alerts/" + alertId));
        assertThat(b.find(By.id("alert-status")).getText()).isEqualTo("OPEN");

        String comment = "Called the account manager, visit booked " + System.nanoTime();
        b.find(By.id("acknowledge-comment")).sendKeys(comment);
        b.find(By.cssSelector("#acknowledge button[type=submit]")).click();

        b.awaitText("Churn alert " + alertId + " acknowledged.");
        assertThat(b.find(By.id("alert-status")).getText()).isEqualTo("ACKNOWLEDGED");
        List<WebElement> history = b.findAll(By.cssSelector("#history tbody tr"));
        WebElement last = history.get(history.size() - 1);
        assertThat(last.getText()).contains("OPEN → ACKNOWLEDGED").contains("ops").contains(comment);
        assertThat(b.findAll(By.id("acknowledge"))).isEmpty();
        assertThat(b.findAll(By.id("resolve"))).hasSize(1);
        b.screenshot("alert");
    }

    @Test
    void anAuditorReadsAlertsButSeesNoAcknowledgeForm() throws Exception {
        DemoRun.awaitCompleted(runs);
        ChurnAlert open = alerts.list("OPEN", null, null, null, null, 0, 1).get(0);
        Browser b = browser().signOut().signIn("auditor", "auditor-demo").open("/alerts?status=OPEN");
        assertThat(b.findAll(By.cssSelector("#alerts tbody tr"))).isNotEmpty();
        assertThat(b.findAll(By.cssSelector("#alerts form"))).isEmpty();

        b.open("/alerts/" + open.id());
        assertThat(b.find(By.tagName("h1")).getText()).isEqualTo("Churn alert " + open.id());
        assertThat(b.findAll(By.id("acknowledge"))).isEmpty();
        assertThat(b.findAll(By.id("resolve"))).isEmpty();
        assertThat(b.findAll(By.tagName("textarea"))).isEmpty();
    }

    @Test
    void overdueAlertsAreMarkedInWordsNotOnlyInColour() throws Exception {
        DemoRun.awaitCompleted(runs);
        Browser b = browser().signOut().signIn("auditor", "auditor-demo").open("/alerts?overdue=true");
        List<WebElement> rows = b.findAll(By.cssSelector("#alerts tbody tr"));
        if (rows.isEmpty()) {
            assertThat(b.text()).contains("No alert matches these filters");
            return;
        }
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.getAttribute("class")).contains("overdue");
            assertThat(row.getText()).contains("Overdue");
        });
    }
}
