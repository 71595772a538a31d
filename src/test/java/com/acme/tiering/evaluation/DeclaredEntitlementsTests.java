package com.acme.tiering.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.ruleset.RulesetInvalid;
import com.acme.tiering.support.Workbooks;

import tools.jackson.databind.json.JsonMapper;

/**
 * The plan table declares its entitlements (issue 16 item 4): in a .csv table as in a workbook, typed as
 * declared, in column order; tables written with the built-in entitlement actions still decide as before.
 */
class DeclaredEntitlementsTests {

    private static final String KEY_ACCOUNT = """
            paretoShare,ordersLast12m,firstOrderDate,recencyDays
            0.80,3,2022-01-01,20
            """;

    private static final String HEAD = """
            RuleSet,com.acme.tiering.rules
            Sequential,true
            ACTIVATION-GROUP,plan

            RuleTable ServicePlans
            NAME,DESCRIPTION,CONDITION,ACTION,ACTION,ACTION,ACTION,ACTION
            ,,PlanContext,,,,,
            ,,"tier == \"\"$param\"\"","decision.plan(\"\"$param\"\");",%s
            Rule,Description,tier,plan,a,b,c,d
            """;

    private static RuleFile csvPlans(String templates, String... rows) {
        return new RuleFile("service-plans.csv", (HEAD.formatted(templates) + String.join("\n", rows) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A plan row for one more tier: every tier of the catalog needs a plan row (or a row with an empty tier cell). */
    private static String other(String tier, String entitlements) {
        return "Other " + tier + ",Tier " + tier + "," + tier + ",STANDARD," + entitlements;
    }

    private static final String STANDARD_ACCOUNT = """
            paretoShare,ordersLast12m,firstOrderDate,recencyDays
            0.95,2,2025-01-01,20
            """;

    private static Evaluation keyAccount(CompiledRuleset rules) {
        return evaluate(KEY_ACCOUNT, rules);
    }

    private static Evaluation evaluate(String scenario, CompiledRuleset rules) {
        return new Evaluator(new com.acme.tiering.ruleset.ActiveRuleset(rules))
                .evaluate(RuleTestSuite.parse("t.csv", scenario).get(0).facts(), rules);
    }

    /** The plan-table rows that fired, by name. */
    private static List<String> planRows(Evaluation evaluation) {
        return evaluation.explanation().firedRules().stream().filter(rule -> rule.file().startsWith("service-plans"))
                .map(Explanation.FiredRule::rule).toList();
    }

    @Test
    void aCsvTableDeclaresTypedEntitlementsInAnyLanguage() {
        CompiledRuleset rules = ShippedRules.compileWith(csvPlans(
                "entitlement freeShipping yes/no,entitlement 专属客服 text,entitlement discountPct decimal,"
                        + "entitlement visits integer",
                "Strategic,Strategic accounts,A,STRATEGIC,yes,王经理,8.50,12",
                "Key,Key accounts,B,KEY,no,客服中心,5,4",
                "Standard,Standard accounts,C,STANDARD,no,,0,0", "Basic,Basic accounts,D,BASIC,No,,0,0"),
                "service-plans.xlsx");

        Evaluation key = keyAccount(rules);

        assertThat(key.servicePlan().code()).isEqualTo("KEY");
        assertThat(key.servicePlan().entitlements().values()).containsExactly(entry("freeShipping", false),
                entry("专属客服", "客服中心"), entry("discountPct", new BigDecimal("5")), entry("visits", 4L));
    }

    @Test
    void aCatchAllLastRowDecidesOnlyTheCustomersNoRowAboveMatchesAndNeverMixesItsEntitlementsIn() {
        CompiledRuleset rules = ShippedRules.compileWith(csvPlans(
                "entitlement freeShipping yes/no,entitlement 专属客服 text,entitlement discountPct decimal,"
                        + "entitlement visits integer",
                "Strategic,Strategic accounts,A,STRATEGIC,yes,王经理,8.50,12",
                "Key,Key accounts,B,KEY,no,,5,",
                "Everyone else,Every other account,,BASIC,no,在线客服中心,0,0"),
                "service-plans.xlsx");

        Evaluation key = keyAccount(rules);
        Evaluation standard = evaluate(STANDARD_ACCOUNT, rules);

        assertThat(key.servicePlan().code()).isEqualTo("KEY");
        assertThat(key.servicePlan().entitlements().values()).containsExactly(entry("freeShipping", false),
                entry("discountPct", new BigDecimal("5")));
        assertThat(planRows(key)).containsExactly("Key");
        assertThat(standard.tier()).isEqualTo("C");
        assertThat(standard.servicePlan().code()).isEqualTo("BASIC");
        assertThat(standard.servicePlan().entitlements().values()).containsExactly(entry("freeShipping", false),
                entry("专属客服", "在线客服中心"), entry("discountPct", BigDecimal.ZERO), entry("visits", 0L));
        assertThat(planRows(standard)).containsExactly("Everyone else");
    }

    @Test
    void aCatchAllRowOfTheWorkbookFiresInThePlanStepOnly() {
        byte[] plans = ShippedRules.file("service-plans.xlsx");
        plans = Workbooks.withCell(plans, "ServicePlans", 16, 0, "Everyone else");
        plans = Workbooks.withCell(plans, "ServicePlans", 16, 2, ""); // Basic's tier cell (C17) emptied: any tier
        plans = Workbooks.withCell(plans, "ServicePlans", 12, 9, ""); // the Key plan without visitsPerYear (J13)
        CompiledRuleset rules = ShippedRules.compileWith(new RuleFile("service-plans.xlsx", plans),
                "service-plans.xlsx");

        Evaluation key = keyAccount(rules);

        assertThat(key.servicePlan().code()).isEqualTo("KEY");
        assertThat(key.servicePlan().entitlements().values()).doesNotContainKey("visitsPerYear")
                .containsEntry("responseSlaHours", 8L).containsEntry("accountManager", "DEDICATED");
        assertThat(planRows(key)).containsExactly("Key");
    }

    @Test
    void theMapIsWrittenAndReadBackAsTheSameTypedJson() {
        Evaluation key = keyAccount(ShippedRules.compileWith(csvPlans(
                "entitlement freeShipping yes/no,entitlement 专属客服 text,entitlement discountPct decimal,"
                        + "entitlement visits integer",
                "Key,Key accounts,B,KEY,yes,王经理,2.50,4", other("A", "no,,0,0"), other("C", "no,,0,0"),
                other("D", "no,,0,0")),
                "service-plans.xlsx"));
        JsonMapper json = JsonMapper.builder().build();

        String written = json.writeValueAsString(key.servicePlan().entitlements());
        Evaluation.Entitlements read = json.readValue(written, Evaluation.Entitlements.class);

        assertThat(written).isEqualTo("{\"freeShipping\":true,\"专属客服\":\"王经理\",\"discountPct\":2.5,\"visits\":4}");
        assertThat(read).isEqualTo(key.servicePlan().entitlements());
        assertThat(read.values()).containsExactly(entry("freeShipping", true), entry("专属客服", "王经理"),
                entry("discountPct", new BigDecimal("2.5")), entry("visits", 4L));
    }

    @Test
    void decisionsRecordedWithTheFixedEntitlementsReadBackAsTheMap() {
        String recorded = "{\"accountManager\":\"POOLED\",\"responseSlaHours\":24,\"reviewCadence\":\"SEMI_ANNUAL\","
                + "\"visitsPerYear\":null,\"discountPct\":2.0,\"supportChannel\":\"EMAIL\"}";

        Evaluation.Entitlements read = JsonMapper.builder().build().readValue(recorded, Evaluation.Entitlements.class);

        assertThat(read.values()).containsExactly(entry("accountManager", "POOLED"), entry("responseSlaHours", 24L),
                entry("reviewCadence", "SEMI_ANNUAL"), entry("discountPct", new BigDecimal("2")),
                entry("supportChannel", "EMAIL"));
    }

    @Test
    void tablesWithTheBuiltInEntitlementActionsDecideAsTheDeclaredShippedTable() {
        String legacy = "entitlement accountManager text,\"decision.responseSlaHours($param);\","
                + "\"decision.discountPct($param);\",\"decision.supportChannel(\"\"$param\"\");\"";
        Evaluation key = keyAccount(ShippedRules.compileWith(csvPlans(legacy,
                "Key,Key accounts,B,KEY,DEDICATED,8,5,PHONE", other("A", "POOLED,24,0,EMAIL"),
                other("C", "POOLED,24,0,EMAIL"), other("D", "POOLED,24,0,EMAIL")),
                "service-plans.xlsx"));
        Evaluation shipped = keyAccount(ShippedRules.ruleset());

        assertThat(key.servicePlan().entitlements().values()).containsExactly(entry("accountManager", "DEDICATED"),
                entry("responseSlaHours", 8L), entry("discountPct", new BigDecimal("5")),
                entry("supportChannel", "PHONE"));
        assertThat(shipped.servicePlan().entitlements().get("responseSlaHours")).isEqualTo(8L);
        assertThat(shipped.servicePlan().entitlements().get("discountPct")).isEqualTo(new BigDecimal("5"));
    }

    @Test
    void aCsvTableHasNoCodeListsAndAnEntitlementIsDeclaredOnce() {
        assertThatThrownBy(() -> ShippedRules.compileWith(csvPlans(
                "entitlement tier code:tiers,entitlement a text,entitlement a integer,entitlement b text",
                "Key,Key accounts,B,KEY,A,x,1,y"), "service-plans.xlsx"))
                .isInstanceOfSatisfying(RulesetInvalid.class, invalid -> assertThat(invalid.findings())
                        .extracting(f -> f.cell() + " " + f.message())
                        .containsExactly("E8 There is no code list 'tiers'",
                                "G8 The entitlement 'a' is already declared in F8"));
    }
}
