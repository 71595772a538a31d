package com.acme.tiering.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.tiering.ruleset.RulesetPolicy.Entitlement;
import com.acme.tiering.ruleset.RulesetPolicy.PlanRow;
import com.acme.tiering.ruleset.RulesetPolicy.Trigger;
import com.acme.tiering.support.PolicyEdits;
import com.acme.tiering.support.TierCatalogs;
import com.acme.tiering.support.Workbooks;

/**
 * A version's policy as the Rules pages show it, read from its files: the tiers, the entitlements the plan table
 * declares with what each row gives, and the churn-trigger rows with their conditions in words.
 */
class RulesetPoliciesTests {

    private final List<RuleFile> shipped = new RulesDirectory().read(Path.of("rules"));
    private final RulesetPolicies policies = new RulesetPolicies();

    @Test
    void theShippedPolicyHasItsFourTiersSixDeclaredEntitlementsSevenPlanRowsAndEightTriggerRows() {
        RulesetPolicy policy = policies.of(shipped).orElseThrow();

        assertThat(policy.tiers().describe()).isEqualTo("A (Strategic), B (Key), C (Standard), D (Basic)");
        assertThat(policy.catalogFile()).isEqualTo("tier-catalog.xlsx");
        assertThat(policy.entitlements()).extracting(Entitlement::name, Entitlement::typeWord, Entitlement::cell)
                .containsExactly(tuple("accountManager", "code:accountManager", "G9"),
                        tuple("responseSlaHours", "integer", "H9"), tuple("reviewCadence", "code:reviewCadence", "I9"),
                        tuple("visitsPerYear", "integer", "J9"), tuple("discountPct", "decimal", "K9"),
                        tuple("supportChannel", "code:supportChannel", "L9"));
        assertThat(policy.entitlements().get(2).codes())
                .containsExactly("MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL", "NONE");
        assertThat(policy.entitlements()).allMatch(Entitlement::declared);
        assertThat(policy.planFile()).isEqualTo("service-plans.xlsx");
        assertThat(policy.planRows()).extracting(PlanRow::row).containsExactly(11, 12, 13, 14, 15, 16, 17);
        PlanRow keyAtRisk = policy.planRows().get(1);
        assertThat(keyAtRisk.name()).isEqualTo("Key at high churn risk");
        assertThat(keyAtRisk.conditions()).containsExactly("tier = B", "churnRisk = HIGH");
        assertThat(keyAtRisk.plan()).isEqualTo("KEY_RETENTION");
        assertThat(keyAtRisk.entitlements()).containsExactly(entry("accountManager", "DEDICATED"),
                entry("responseSlaHours", 4L), entry("reviewCadence", "MONTHLY"), entry("visitsPerYear", 6L),
                entry("discountPct", new BigDecimal("5")), entry("supportChannel", "PHONE"));
        assertThat(policy.triggerFile()).isEqualTo("churn-triggers.xlsx");
        assertThat(policy.triggers()).extracting(Trigger::row, Trigger::id, Trigger::risk).hasSize(8)
                .startsWith(tuple(11, "OVERDUE_PURCHASE", "HIGH"), tuple(12, "OVERDUE_PURCHASE", "MEDIUM"))
                .endsWith(tuple(18, "DETRACTOR", "MEDIUM"));
    }

    @Test
    void triggerConditionsReadAsWordsWithFactorsAndThousands() {
        List<Trigger> triggers = policies.of(shipped).orElseThrow().triggers();

        Trigger overdue = triggers.get(0);
        assertThat(overdue.conditions()).containsExactly("ordersLast12m ≥ 4", "recencyDays > 30",
                "recencyDays > 3 × avgInterOrderDays");
        assertThat(overdue.tiers()).isEmpty();
        assertThat(overdue.recommendedAction()).isEqualTo("Account manager calls within 48 h");
        assertThat(overdue.ownerRole()).isEqualTo("ACCOUNT_MANAGER");
        assertThat(overdue.dueWithinHours()).isEqualTo(48);
        Trigger decline = triggers.get(2);
        assertThat(decline.conditions()).containsExactly("revenuePrev6m ≥ 10,000", "revenueLast6m < 0.6 × revenuePrev6m");
        assertThat(decline.tiers()).containsExactly("A", "B");
        assertThat(decline.description()).startsWith("Revenue decline (HIGH at a strategic or key account)");
        assertThat(triggers.get(7).conditions()).containsExactly("latestNps ≤ 6");
    }

    @Test
    void anEditedPolicyShowsTheNewTierTheDeclaredYesNoEntitlementAndTheNewTriggerRow() {
        RulesetPolicy policy = policies.of(edited(PolicyEdits.goldDormantFreeShippingBigDrop(shipped))).orElseThrow();

        assertThat(policy.tiers().describe()).isEqualTo("A (Strategic), B (Gold), C (Standard), E (Dormant), D (Basic)");
        Entitlement freeShipping = policy.entitlements().get(6);
        assertThat(freeShipping).extracting(Entitlement::name, Entitlement::type, Entitlement::cell)
                .containsExactly("freeShipping", EntitlementType.YES_NO, "M9");
        PlanRow dormant = policy.planRows().get(7);
        assertThat(dormant.row()).isEqualTo(18);
        assertThat(dormant.conditions()).containsExactly("tier = E");
        assertThat(dormant.entitlements()).containsEntry("freeShipping", false).containsEntry("responseSlaHours", 48L);
        assertThat(policy.planRows().get(0).entitlements()).containsEntry("freeShipping", true);
        Trigger bigDrop = policy.triggers().get(8);
        assertThat(bigDrop).extracting(Trigger::row, Trigger::id, Trigger::risk, Trigger::dueWithinHours)
                .containsExactly(19, "BIG_DROP", "HIGH", 168);
        assertThat(bigDrop.conditions()).containsExactly("revenueLast6m < 0.3 × revenuePrev6m");
        assertThat(policy.triggers().get(4).conditions()).containsExactly("complaintsLast90d ≥ 3");
    }

    @Test
    void namesInChineseAreKeptAsWritten() {
        RulesetPolicy policy = policies.of(edited(PolicyEdits.chinese(shipped))).orElseThrow();

        assertThat(policy.tiers().byRank()).extracting(Tier::name).containsExactly("战略", "重点", "普通", "基础");
        assertThat(policy.entitlements().get(6)).extracting(Entitlement::name, Entitlement::typeWord)
                .containsExactly("专属客服", "text");
        assertThat(policy.planRows().get(0).entitlements()).containsEntry("专属客服", "王经理");
    }

    @Test
    void aColumnWrittenBeforeDeclarationsIsTheEntitlementItsActionFixes() {
        byte[] plans = Workbooks.withCell(file("service-plans.xlsx"), "ServicePlans", 8, 6,
                "decision.accountManager(\"$param\");");
        RulesetPolicy policy = policies.of(edited(List.of(new RuleFile("service-plans.xlsx", plans)))).orElseThrow();

        Entitlement accountManager = policy.entitlements().get(0);
        assertThat(accountManager.declared()).isFalse();
        assertThat(accountManager.typeWord()).isEqualTo("code:accountManager");
        assertThat(accountManager.codes()).containsExactly("DEDICATED", "POOLED", "DIGITAL");
        assertThat(policy.planRows().get(0).entitlements()).containsEntry("accountManager", "DEDICATED");
    }

    @Test
    void filesWithoutAReadableCatalogHaveNoPolicy() {
        List<Object[]> rows = new ArrayList<>(TierCatalogs.SHIPPED);
        rows.set(1, TierCatalogs.row("B", "Key", 1, "", "", ""));

        assertThat(policies.of(edited(List.of(TierCatalogs.catalog(rows))))).isEmpty();
        assertThat(policies.of(shipped.stream().filter(f -> !f.name().startsWith("tier-catalog")).toList())).isEmpty();
    }

    @Test
    void theCompiledVersionsPolicyIsTheOneOfItsFiles() {
        CompiledRuleset compiled = new RulesetCompiler().compile(shipped);

        assertThat(new RulesetPolicies().of(compiled)).isEqualTo(policies.of(shipped).orElseThrow());
    }

    /** The shipped files with these in place of the files of the same name. */
    private List<RuleFile> edited(List<RuleFile> replacing) {
        List<RuleFile> files = new ArrayList<>(shipped.stream()
                .filter(f -> replacing.stream().noneMatch(r -> r.name().equals(f.name()))).toList());
        files.addAll(replacing);
        return files;
    }

    private byte[] file(String name) {
        return shipped.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().content();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
