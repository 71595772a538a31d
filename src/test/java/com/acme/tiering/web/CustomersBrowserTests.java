package com.acme.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import com.acme.tiering.decision.CustomerListing;
import com.acme.tiering.decision.Decision;
import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.evaluation.Explanation;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.support.Browser;
import com.acme.tiering.support.BrowserTest;
import com.acme.tiering.support.DemoRun;

/**
 * The customer pages in a real browser, on the demo customers: finding a customer and reading why it has its
 * tier, an operations manager pinning a tier by hand and ending it, and an auditor who may only read.
 */
@BrowserTest
class CustomersBrowserTests extends com.acme.tiering.support.BrowserPages {

    @Autowired
    EvaluationRuns runs;

    @Autowired
    DecisionQueries decisions;

    @Autowired
    Clock clock;

    @Test
    void findsACustomerByPartOfItsNameAndReadsWhyItHasItsTier() throws Exception {
        DemoRun.awaitCompleted(runs);
        CustomerListing.Row row = customerBelowTierA();
        String part = partOf(row.name());
        Browser b = browser().signOut().signIn("auditor", "auditor-demo").open("/customers");
        assertThat(b.title()).isEqualTo("Customers · Customer Tiering");

        b.find(By.cssSelector("label[for=q]")).click();
        WebElement box = b.driver().switchTo().activeElement();
        assertThat(box.getAttribute("id")).as("the label focuses the search box").isEqualTo("q");
        box.sendKeys(part, Keys.ENTER);
        b.waiting().until(d -> d.getCurrentUrl().contains("q="));
        WebElement link = b.find(By.linkText(row.customerId()));
        assertThat(b.find(By.id("customers")).getText()).contains(row.name());
        assertThat(b.find(By.cssSelector("nav.pager")).getText()).containsPattern("Page 1 of \\d+");
        b.screenshot("customers");

        link.click();
        assertThat(b.find(By.tagName("h1")).getText()).isEqualTo(row.name());
        assertThat(b.title()).isEqualTo(row.name() + " · Customer Tiering");
        Decision decision = decisions.currentOrThrow(row.customerId());
        Explanation explanation = decision.explanation();
        assertThat(words(b.find(By.id("summary")).getText())).isEqualTo(words(explanation.summary()));
        Explanation.FiredRule tierRow = explanation.firedRules().stream().filter(r -> "Tiers".equals(r.sheet()))
                .findFirst().orElseThrow();
        assertThat(b.find(By.id("fired-rules")).getText()).contains(tierRow.source()).contains(tierRow.rule());
        Explanation.TierGap higher = explanation.whyNotHigher().get(0);
        assertThat(b.find(By.id("why-not-higher")).getText()).contains(higher.source())
                .contains(higher.unmet().get(0).text());
        assertThat(b.find(By.id("tier-in-force")).getText()).contains(decision.tier()).contains(decision.tierName());
        assertThat(b.find(By.id("history")).getText()).contains(decision.tierName());
        assertThat(b.find(By.cssSelector("nav[aria-label=Main] a[aria-current=page]")).getText()).isEqualTo("Customers");
        b.screenshot("customer");
    }

    @Test
    void anOperationsManagerPinsATierThroughTheFormSeesBothTiersAndEndsIt() throws Exception {
        DemoRun.awaitCompleted(runs);
        String id = basicCustomerWithoutOverride();
        String expiresOn = LocalDate.now(clock).plusDays(7).toString();
        Browser b = browser().signOut().signIn("ops", "ops-demo").open("/customers/" + id);

        new Select(b.find(By.id("override-tier"))).selectByValue("A");
        b.find(By.id("override-kind-pin")).click();
        b.find(By.id("override-reason")).sendKeys("Strategic partnership signed; board decision");
        // A date input types in the browser's locale; its value is always ISO.
        b.script("arguments[0].value = arguments[1]", b.find(By.id("override-expires")), expiresOn);
        b.find(By.cssSelector("#override-form button[type=submit]")).click();

        assertThat(b.awaitText("Manual override set")).contains("Tier in force: A (Strategic); the rules give D");
        assertThat(b.find(By.id("tier-in-force")).getText()).contains("A").contains("Strategic")
                .contains("set by manual override");
        assertThat(b.find(By.id("rules-tier")).getText()).contains("The rules give D Basic");
        assertThat(b.find(By.id("override-in-force")).getText()).contains("PIN at A")
                .contains("Strategic partnership signed").contains(expiresOn + " 23:59");
        assertThat(decisions.currentOrThrow(id).tier()).isEqualTo("A");

        b.find(By.cssSelector("#end-override button")).click();
        b.acceptConfirmation();
        assertThat(b.awaitText("Manual override ended")).contains("Tier in force: D (Basic)");
        assertThat(b.findAll(By.id("override-in-force"))).isEmpty();
        assertThat(b.findAll(By.id("rules-tier"))).isEmpty();
        assertThat(b.find(By.id("past-overrides")).getText()).contains("ended early by ops");
        assertThat(decisions.currentOrThrow(id).tier()).isEqualTo("D");
    }

    @Test
    void anAuditorSeesNoOverrideFormAndNoButtons() throws Exception {
        DemoRun.awaitCompleted(runs);
        CustomerListing.Row row = customerBelowTierA();
        Browser b = browser().signOut().signIn("auditor", "auditor-demo").open("/customers/" + row.customerId());
        assertThat(b.find(By.id("override-title")).getText()).isEqualTo("Manual override");
        assertThat(b.findAll(By.id("override-form"))).isEmpty();
        assertThat(b.findAll(By.id("end-override"))).isEmpty();
        assertThat(b.findAll(By.cssSelector("main form"))).isEmpty();
        assertThat(b.text()).doesNotContain("Evaluate now").doesNotContain("Set override");
    }

    /** A customer the rules put below A, with something to say on why not higher. */
    private CustomerListing.Row customerBelowTierA() {
        for (String tier : List.of("B", "C")) {
            for (CustomerListing.Row row : decisions.customers(null, tier, 0, 50).customers()) {
                Decision d = decisions.currentOrThrow(row.customerId());
                if (d.manualOverride() == null && !d.explanation().whyNotHigher().isEmpty()
                        && !d.explanation().whyNotHigher().get(0).unmet().isEmpty()) {
                    return row;
                }
            }
        }
        throw new IllegalStateException("The demo data has no customer in tier B or C");
    }

    /** A tier D customer nobody has overridden, from the end of the list so other tests rarely pick it too. */
    private String basicCustomerWithoutOverride() {
        CustomerListing all = decisions.customers(null, "D", 0, 1);
        int last = Math.max(0, all.totalPages() - 1);
        for (int page = last; page >= 0; page--) {
            for (CustomerListing.Row row : decisions.customers(null, "D", page, 1).customers()) {
                if (decisions.currentOrThrow(row.customerId()).manualOverride() == null) {
                    return row.customerId();
                }
            }
        }
        throw new IllegalStateException("The demo data has no tier D customer without a manual override");
    }

    /** Part of a name, as someone half remembering it would type it: "umen Textiles" for "Lumen Textiles BV". */
    private static String partOf(String name) {
        int lastWord = name.lastIndexOf(' ');
        return lastWord > 1 ? name.substring(1, lastWord) : name.substring(1);
    }

    private static String words(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
