package com.acme.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.acme.tiering.governance.RulesetVersions;
import com.acme.tiering.governance.VersionStatus;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.support.Governance;
import com.acme.tiering.support.PolicyEdits;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TestProfiles;
import com.acme.tiering.support.TierCatalogs;

/**
 * The policy on the Rules pages without a browser: the tiers, entitlements, plan rows and churn triggers of the
 * version in force, and a draft's beside them with each difference marked and linked to the cell-by-cell comparison.
 * Read as an auditor, who may read the rules and change nothing.
 */
@ServiceTest
@ActiveProfiles(TestProfiles.NO_RUN_AFTER_ACTIVATION)
class RulePolicyPagesTests {

    private static final RequestPostProcessor AUDITOR = user("auditor").roles("AUDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    Governance governance;

    long inForce;

    @BeforeEach
    void shippedRulesInForce() {
        governance.firstVersionBackInForce("ops");
        inForce = governance.versions().activeVersion().orElseThrow().id();
    }

    @Test
    void theRulesPageShowsTheTiersInForceWithTheCustomersEachHoldsNow() throws Exception {
        governance.threeCustomersEvaluated();

        mvc.perform(get("/rules").with(AUDITOR)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("id=\"policy-in-force\""),
                containsString("8 churn-trigger rows"),
                containsString("data-tier-colour=\"#1F5F8B\" title=\"Strategic\">A</span>"),
                containsString("<td class=\"tier-name\">Strategic</td>"),
                containsString("href=\"/customers?tier=A\">1</a>"),
                containsString("href=\"/customers?tier=D\">0</a>"),
                not(containsString("After publishing")))));
    }

    @Test
    void thePolicyInForceShowsItsCatalogEntitlementsPlanRowsAndTriggers() throws Exception {
        String page = page("/rules/policy");

        assertThat(page).contains("<h1>Policy in force</h1>", "<td class=\"description\">Bought in the last 12 months</td>",
                "<span class=\"swatch-colour\" data-tier-colour=\"#3C8DBC\" aria-label=\"colour #3C8DBC\"></span>")
                .doesNotContain("id=\"other-card\"", "class=\"change ");
        assertThat(row(page, "entitlement-accountManager")).contains("code:accountManager", "DEDICATED, POOLED, DIGITAL",
                "service-plans.xlsx › ServicePlans › G9");
        assertThat(row(page, "entitlement-discountPct")).contains("decimal");
        assertThat(rowWith(page, "data-plan=\"KEY_RETENTION\"")).contains("tier = B, churnRisk = HIGH",
                "<td class=\"entitlement-value\">DEDICATED</td>", "<td class=\"entitlement-value\">5</td>");
        assertThat(rowWith(page, "data-trigger=\"OVERDUE_PURCHASE\" data-risk=\"HIGH\"")).contains(
                "ordersLast12m ≥ 4 and recencyDays &gt; 30 and recencyDays &gt; 3 × avgInterOrderDays",
                "<td class=\"tiers\">every tier</td>", "Account manager calls within 48 h",
                "<td class=\"owner\">ACCOUNT_MANAGER</td>", "<td class=\"num hours\">48</td>");
        assertThat(rowWith(page, "data-trigger=\"REVENUE_DECLINE\" data-risk=\"HIGH\"")).contains(
                "revenuePrev6m ≥ 10,000", "<td class=\"tiers\">A, B</td>", "badge risk-HIGH");
    }

    @Test
    void aDraftIsShownBesideTheVersionInForceWithEveryDifferenceMarkedAndLinkedToTheCellDiff() throws Exception {
        governance.threeCustomersEvaluated();
        long draft = draft(PolicyEdits.goldDormantFreeShippingBigDrop(inForceFiles()), "Gold, Dormant, free shipping");

        String page = page("/rules/policy?version=" + draft);

        assertThat(page).contains("<h1>Policy in force and version " + draft + "</h1>", "id=\"in-force-card\"",
                "id=\"other-card\"", "4 tiers · 6 entitlements · 7 plan rows · 8 churn-trigger rows",
                "5 tiers · 7 entitlements · 8 plan rows · 9 churn-trigger rows", "not simulated yet");
        assertThat(row(page, "tier-B")).contains("data-change=\"CHANGED\"", "<del>Key</del> <ins>Gold</ins>",
                "data-tier-colour=\"#C9A227\"");
        assertThat(row(page, "tier-E")).contains("data-change=\"ADDED\"", "class=\"row-added\"", "Dormant",
                "<span class=\"change change-added\">added</span>");
        assertThat(row(page, "tier-D")).contains("data-change=\"CHANGED\"", "<del>4</del> <ins>5</ins>");
        assertThat(row(page, "tier-A")).contains("data-change=\"UNCHANGED\"").doesNotContain("<del>");
        assertThat(row(page, "entitlement-freeShipping")).contains("data-change=\"ADDED\"", "yes/no");
        assertThat(page).contains("column-added\" data-change=\"ADDED\"><span>freeShipping</span>");
        assertThat(rowWith(page, "data-plan=\"WINBACK\"")).contains("data-change=\"ADDED\"", "tier = E");
        assertThat(rowWith(page, "data-plan=\"STRATEGIC\"")).contains("data-change=\"CHANGED\"",
                "<td class=\"entitlement-value changed\"><del>—</del> <ins>yes</ins></td>");
        assertThat(rowWith(page, "data-trigger=\"BIG_DROP\"")).contains("data-change=\"ADDED\"",
                "revenueLast6m &lt; 0.3 × revenuePrev6m", "Account manager visits within 7 days");
        assertThat(rowWith(page, "data-trigger=\"COMPLAINT_BURST\"")).contains("data-change=\"CHANGED\"",
                "<del>complaintsLast90d ≥ 2</del> <ins>complaintsLast90d ≥ 3</ins>");
        assertThat(page).contains("Tier B: name Key → Gold; colour #3C8DBC → #C9A227", "Tier E added: Dormant, rank 4",
                "Entitlement freeShipping added: yes/no", "Trigger BIG_DROP HIGH added: row 19");
        String diff = "/rules/diff?from=" + inForce + "&amp;to=" + draft + "&amp;file=";
        assertThat(page).contains(diff + "tier-catalog.xlsx", diff + "tiers.xlsx", diff + "service-plans.xlsx",
                diff + "churn-triggers.xlsx").doesNotContain(diff + "rfm-segments.xlsx");
        mvc.perform(get("/rules/diff").param("from", "" + inForce).param("to", "" + draft)
                .param("file", "tier-catalog.xlsx").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<code>B3</code>"), containsString("Gold"),
                        containsString("href=\"/rules/policy?version=" + draft + "\""))));
    }

    @Test
    void aSimulatedDraftShowsTheCustomersEachTierWouldHold() throws Exception {
        governance.threeCustomersEvaluated();
        long draft = governance.simulatedDraft(PolicyEdits.goldDormantFreeShippingBigDrop(inForceFiles()), "ops",
                "Gold, Dormant, free shipping");

        String page = page("/rules/policy?version=" + draft);

        assertThat(page).contains("its simulation as of").doesNotContain("not simulated yet");
        assertThat(row(page, "tier-B")).contains("href=\"/customers?tier=B\">1</a>",
                "<td class=\"num customers-after\">1</td>");
        assertThat(row(page, "tier-E")).contains("<td class=\"num customers-after\">0</td>");
        assertThat(page).containsPattern("href=\"/rules/" + draft + "/simulation\"");
    }

    @Test
    void aCatalogAndAnEntitlementInChineseRender() throws Exception {
        long draft = draft(PolicyEdits.chinese(inForceFiles()), "四个等级");

        String page = page("/rules/policy?version=" + draft);

        assertThat(row(page, "tier-A")).contains("<del>Strategic</del> <ins>战略</ins>", "title=\"战略\"");
        assertThat(row(page, "tier-D")).contains("<del>Basic</del> <ins>基础</ins>");
        assertThat(row(page, "entitlement-专属客服")).contains("data-change=\"ADDED\"", "text");
        assertThat(rowWith(page, "data-plan=\"STRATEGIC\"")).contains("<ins>王经理</ins>");
        assertThat(page).contains("Tier C: name Standard → 普通", "Entitlement 专属客服 added: text");
    }

    @Test
    void theVersionInForceAVersionWithoutACatalogAndAnUnknownVersionAreSaidInWords() throws Exception {
        assertThat(page("/rules/policy?version=" + inForce)).contains("Version " + inForce + " is the version in force.")
                .doesNotContain("id=\"other-card\"");

        List<Object[]> rows = new ArrayList<>(TierCatalogs.SHIPPED);
        rows.set(1, TierCatalogs.row("B", "Key", 1, "", "", ""));
        RulesetVersions.Version rejected = governance.drafts().upload(List.of(TierCatalogs.catalog(rows)), "ops",
                "two tiers of rank 1");
        assertThat(rejected.status()).isEqualTo(VersionStatus.REJECTED);
        assertThat(page("/rules/policy?version=" + rejected.id())).contains("id=\"refused-card\"",
                "Version " + rejected.id() + " has no tier catalog that can be read")
                .doesNotContain("id=\"other-card\"");

        mvc.perform(get("/rules/policy").param("version", "999999").with(AUDITOR)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no ruleset version 999999.")));
        mvc.perform(get("/rules/policy").param("version", "abc").with(AUDITOR)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not a valid version")));
    }

    @Test
    void aVersionsPageLinksToItsPolicyBesideTheOneInForce() throws Exception {
        long draft = draft(List.of(TierCatalogs.renamed("Strategic", "Gold", "Standard", "Basic")), "Gold");

        mvc.perform(get("/rules/" + draft).with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/rules/policy?version=" + draft + "\"")));
        mvc.perform(get("/rules/" + inForce).with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(matchesPattern("(?s).*id=\"policy-link\" href=\"/rules/policy\".*")));
    }

    private long draft(List<RuleFile> files, String comment) {
        RulesetVersions.Version draft = governance.drafts().upload(files, "ops", comment);
        assertThat(draft.status()).as("%s", draft.findings()).isEqualTo(VersionStatus.DRAFT);
        return draft.id();
    }

    private List<RuleFile> inForceFiles() {
        return governance.active().current().files();
    }

    private String page(String address) throws Exception {
        return mvc.perform(get(address).with(AUDITOR)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The table row with this id, from its start tag to its end. */
    private static String row(String page, String id) {
        return rowWith(page, "id=\"" + id + "\"");
    }

    private static String rowWith(String page, String attribute) {
        int at = page.indexOf(attribute);
        assertThat(at).as("a row with %s", attribute).isPositive();
        int start = page.lastIndexOf("<tr", at);
        return page.substring(start, page.indexOf("</tr>", at));
    }
}
