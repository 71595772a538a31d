package com.acme.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import com.acme.tiering.governance.RulesetVersions;
import com.acme.tiering.governance.SimulationReport;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.support.Approval;
import com.acme.tiering.support.Browser;
import com.acme.tiering.support.BrowserTest;
import com.acme.tiering.support.DemoRun;
import com.acme.tiering.support.Workbooks;

/**
 * The rules pages in a real browser: a broken spreadsheet shows the offending cell in its row, a good change is
 * simulated and its heat map opens example customers, and a simulated change is published, compared with the
 * shipped rules and rolled back.
 */
@BrowserTest
class RulesBrowserTests extends com.acme.tiering.support.BrowserPages {

    @Autowired
    EvaluationRuns runs;

    @Autowired
    RulesetVersions versions;

    @Autowired
    ActiveRuleset active;

    @Test
    void aBrokenSpreadsheetIsRejectedNamingTheCellAndShowingItsRow() throws Exception {
        DemoRun.awaitCompleted(runs);
        Path broken = tiersFile("rules-findings", Workbooks.withCell(tiersInForce(), "Tiers", 13, 3, "twenty thousand"));
        Browser b = browser().signOut().signIn("ops", "ops-demo");

        submitUpload(b, broken, "Fast-growing threshold typed in words");

        assertThat(b.awaitText("was rejected")).contains("the rule files do not pass their checks");
        assertThat(b.find(By.id("version-status")).getText()).isEqualTo("REJECTED");
        WebElement finding = b.find(By.cssSelector("#findings tr.finding"));
        assertThat(finding.findElement(By.cssSelector("td.sheet")).getText()).isEqualTo("Tiers");
        assertThat(finding.findElement(By.cssSelector("td.cell")).getText()).isEqualTo("D14");
        assertThat(finding.findElement(By.cssSelector("td.message")).getText())
                .isEqualTo("'twenty thousand' is not a number");
        WebElement preview = b.find(By.cssSelector("#findings tr.preview"));
        assertThat(preview.findElement(By.tagName("caption")).getText()).isEqualTo("Tiers, row 14");
        assertThat(preview.getText()).contains("Key: fast-growing account");
        assertThat(preview.findElement(By.cssSelector("td.offending")).getText()).isEqualTo("twenty thousand");
        b.screenshot("rules-findings");
    }

    @Test
    void aGoodChangeIsSimulatedAndAHeatMapCellOpensItsExampleCustomers() throws Exception {
        DemoRun.awaitCompleted(runs);
        Browser b = browser().signOut().signIn("ops", "ops-demo");
        long id = upload(b, keyThreshold(0.94), "Key: the customers making the next 24% of revenue");

        simulate(b, id);

        SimulationReport report = versions.find(id).orElseThrow().simulation();
        assertThat(report.examples()).as("the customers the threshold moves").isNotEmpty();
        Map.Entry<String, List<String>> moved = report.examples().entrySet().iterator().next();
        String[] fromTo = moved.getKey().split(" → ");
        long count = report.tierMigration().get(fromTo[0]).get(fromTo[1]);
        WebElement cell = b.find(By.cssSelector("#heatmap td[data-from='" + fromTo[0] + "'][data-to='" + fromTo[1] + "'] a"));
        assertThat(cell.getText()).isEqualTo(String.valueOf(count));
        // shaded by app.js from data-heat (the Content-Security-Policy allows no style=""): darker for more customers
        assertThat(b.script("var td = arguments[0].closest('td'); return td.style.getPropertyValue('--heat') === "
                + "String(parseFloat(td.dataset.heat)) && parseFloat(td.dataset.heat) > 0", cell)).isEqualTo(true);
        assertThat(b.find(By.cssSelector("#heatmap td.same")).getText()).isNotBlank();

        cell.click();

        List<WebElement> customers = b.waiting().until(d -> {
            List<WebElement> links = d.findElements(By.cssSelector("#examples #example-customers a"));
            return links.isEmpty() ? null : links;
        });
        assertThat(customers).extracting(WebElement::getText).containsExactlyElementsOf(moved.getValue());
        assertThat(customers.get(0).getAttribute("href")).endsWith("/customers/" + moved.getValue().get(0));
        assertThat(b.path()).isEqualTo("/rules/" + id + "/simulation");
        b.screenshot("rules-simulation");
    }

    @Test
    void aSimulatedDraftIsPublishedAfterConfirmationComparedWithTheShippedRulesAndRolledBack() throws Exception {
        DemoRun.awaitCompleted(runs);
        long previous = versions.activeVersion().orElseThrow().id();
        Browser b = browser().signOut().signIn("ops", "ops-demo");
        long id = upload(b, keyThreshold(0.93), "Key: the customers making the next 23% of revenue");
        simulate(b, id);
        Approval.approve(b, id, "ops", "ops-demo");

        b.open("/rules/" + id);
        b.find(By.id("publish-reason")).sendKeys("Key accounts reach 93% of revenue");
        b.find(By.id("publish")).click();
        b.acceptConfirmation();
        b.awaitText("is published and in force");
        assertThat(versions.activeVersion().orElseThrow().id()).isEqualTo(id);

        b.open("/rules");
        WebElement row = b.find(By.id("version-" + id));
        assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("ACTIVE");
        assertThat(row.getAttribute("class")).contains("in-force");
        assertThat(b.find(By.cssSelector("p.lead")).getText()).contains("Version " + id + " is in force");
        b.screenshot("rules-versions");

        b.open("/rules/" + id);
        WebElement compareWith = b.find(By.id("compare-tiers.xlsx"));
        new Select(compareWith).selectByValue(String.valueOf(shippedVersion()));
        compareWith.findElement(By.xpath("./ancestor::form//button")).click();
        b.awaitText("Changed cells");
        WebElement change = b.find(By.cssSelector("table.changed-cells tbody tr"));
        assertThat(change.getText()).contains("C13").contains("0.9").contains("0.93");
        assertThat(b.find(By.cssSelector("table.diff-grid td.changed")).getText()).isEqualTo("0.9 0.93");
        b.screenshot("rules-diff");

        b.open("/rules/" + previous);
        b.find(By.id("activate")).click();
        b.acceptConfirmation();
        b.awaitText("is in force again");
        assertThat(versions.activeVersion().orElseThrow().id()).isEqualTo(previous);
    }

    /** Uploads one file through the form and returns the id of the DRAFT the page went to. */
    private long upload(Browser b, Path file, String comment) {
        submitUpload(b, file, comment);
        b.waiting().until(d -> d.getCurrentUrl().matches(".*/rules/\\d+$"));
        assertThat(b.awaitText("is a DRAFT")).contains("passes the rule tests");
        return Long.parseLong(b.path().substring("/rules/".length()));
    }

    @Test
    void aFileOverTheUploadLimitIsRefusedWithAPageInWordsAndNothingIsStored() throws Exception {
        int versionsBefore = versions.all().size();
        Path huge = java.nio.file.Files.createTempFile("too-large", ".xlsx");
        java.nio.file.Files.write(huge, new byte[6 * 1024 * 1024]); // the limit is 5 MB per file
        Browser b = browser().signOut().signIn("ops", "ops-demo");

        submitUpload(b, huge, "Far too large");

        assertThat(b.awaitText("a rule file may be at most 5 MB")).contains("Nothing was stored");
        assertThat(b.find(By.tagName("h1")).getText()).containsIgnoringCase("too large");
        b.screenshot("rules-upload-too-large");
        assertThat(versions.all()).hasSize(versionsBefore);
    }

    private static void submitUpload(Browser b, Path file, String comment) {
        b.open("/rules");
        b.find(By.id("files")).sendKeys(file.toString());
        b.find(By.id("comment")).sendKeys(comment);
        b.find(By.cssSelector("form.upload-form button[type=submit]")).click();
    }

    private static void simulate(Browser b, long id) {
        b.open("/rules/" + id);
        b.find(By.id("simulate")).click();
        b.awaitText("would change tier");
        assertThat(b.path()).isEqualTo("/rules/" + id + "/simulation");
    }

    /** The tiers in force with the "next 20% of revenue" row's paretoShare threshold (Tiers!C13) changed. */
    private Path keyThreshold(double value) throws IOException {
        return tiersFile("rules-threshold", Workbooks.withCell(tiersInForce(), "Tiers", 12, 2, value));
    }

    /** The first version holding the tiers.xlsx shipped in rules/. */
    private long shippedVersion() throws IOException {
        String shipped = new RuleFile("tiers.xlsx", Files.readAllBytes(Path.of("rules/tiers.xlsx"))).sha256();
        return versions.storedFiles("tiers.xlsx").stream().filter(f -> f.sha256().equals(shipped))
                .mapToLong(RulesetVersions.StoredFile::versionId).min().orElseThrow();
    }

    private byte[] tiersInForce() {
        return active.current().files().stream().filter(f -> f.name().equals("tiers.xlsx")).findFirst().orElseThrow()
                .content();
    }

    /** The browser uploads a file by its path: a tiers.xlsx in a folder of its own. */
    private static Path tiersFile(String folder, byte[] content) throws IOException {
        Path file = Files.createTempDirectory(folder).resolve("tiers.xlsx");
        Files.write(file, content);
        file.toFile().deleteOnExit();
        file.getParent().toFile().deleteOnExit();
        return file;
    }
}
