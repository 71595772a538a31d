package com.acme.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import com.acme.tiering.governance.SimulationReport;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.support.Browser;
import com.acme.tiering.support.BrowserPages;
import com.acme.tiering.support.BrowserTest;
import com.acme.tiering.support.DemoRun;
import com.acme.tiering.support.Governance;
import com.acme.tiering.support.PolicyEdits;

/**
 * The policy in a real browser: an auditor finds the tiers in force on the Rules page, puts a simulated draft's
 * policy beside them, reads what it changes (B renamed Gold, a tier E, the freeShipping entitlement, a BIG_DROP
 * trigger) and opens the cell-by-cell comparison of the catalog from there.
 */
@BrowserTest
class RulePolicyBrowserTests extends BrowserPages {

    @Autowired
    EvaluationRuns runs;

    @Autowired
    Governance governance;

    @Test
    void anAuditorPutsADraftsPolicyBesideTheOneInForceAndOpensTheCellDiffOfItsCatalog() {
        DemoRun.awaitCompleted(runs);
        String key = governance.active().current().tiers().name("B");
        long draft = governance.simulatedDraft(
                PolicyEdits.goldDormantFreeShippingBigDrop(governance.active().current().files()), "ops",
                "Gold, Dormant, free shipping and a big-drop trigger");
        SimulationReport simulation = governance.versions().find(draft).orElseThrow().simulation();
        long dormantAfter = simulation.tierMigration().values().stream().mapToLong(to -> to.getOrDefault("E", 0L))
                .sum();
        Browser b = browser().signOut().signIn("auditor", "auditor-demo").open("/rules");

        assertThat(b.find(By.cssSelector("#policy-in-force #tier-B")).getText()).contains("B", key);
        new Select(b.find(By.id("policy-version"))).selectByValue(String.valueOf(draft));
        b.find(By.cssSelector("form.compare-policy button[type=submit]")).click();
        b.awaitText("Policy in force and version " + draft);
        assertThat(b.path()).isEqualTo("/rules/policy?version=" + draft);

        Rectangle inForce = b.find(By.id("in-force-card")).getRect();
        Rectangle other = b.find(By.id("other-card")).getRect();
        assertThat(other.getY()).as("the two versions side by side").isEqualTo(inForce.getY());
        assertThat(other.getX()).isGreaterThanOrEqualTo(inForce.getX() + inForce.getWidth());
        assertThat(b.find(By.id("other-card")).getText()).contains("DRAFT", "its simulation as of");

        WebElement gold = b.find(By.id("tier-B"));
        assertThat(gold.getAttribute("data-change")).isEqualTo("CHANGED");
        assertThat(gold.findElement(By.cssSelector("td.tier-name del")).getText()).isEqualTo(key);
        assertThat(gold.findElement(By.cssSelector("td.tier-name ins")).getText()).isEqualTo("Gold");
        // painted by app.js from data-tier-colour (the Content-Security-Policy allows no style=""): the draft's colour
        assertThat(b.script("return getComputedStyle(arguments[0]).backgroundColor",
                gold.findElement(By.cssSelector("span.tier")))).isEqualTo("rgb(201, 162, 39)");
        WebElement dormant = b.find(By.id("tier-E"));
        assertThat(dormant.getAttribute("class")).isEqualTo("row-added");
        assertThat(dormant.findElement(By.cssSelector("td.customers-after")).getText())
                .isEqualTo(String.format(Locale.ROOT, "%,d", dormantAfter));
        assertThat(b.find(By.id("entitlement-freeShipping")).getAttribute("data-change")).isEqualTo("ADDED");
        assertThat(b.find(By.cssSelector("#trigger-table tr[data-trigger=BIG_DROP]")).getText())
                .contains("revenueLast6m < 0.3 × revenuePrev6m", "HIGH", "ACCOUNT_MANAGER", "168");
        assertThat(b.find(By.id("difference-list")).getText()).contains("Tier B: name " + key + " → Gold",
                "Tier E added: Dormant, rank 4", "Entitlement freeShipping added: yes/no");
        b.screenshot("rules-policy");

        b.find(By.cssSelector("#file-changes a.diff-link[data-file='tier-catalog.xlsx']")).click();
        b.awaitText("Changed cells");
        assertThat(b.find(By.cssSelector("table.changed-cells")).getText()).contains("B3", key, "Gold");
        assertThat(b.path()).startsWith("/rules/diff?from=");
    }
}
