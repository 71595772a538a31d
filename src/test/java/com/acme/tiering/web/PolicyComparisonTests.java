package com.acme.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.ruleset.RulesDirectory;
import com.acme.tiering.ruleset.RulesetPolicies;
import com.acme.tiering.ruleset.RulesetPolicy;
import com.acme.tiering.support.PolicyEdits;
import com.acme.tiering.support.Workbooks;
import com.acme.tiering.web.PolicyComparison.Cell;
import com.acme.tiering.web.PolicyComparison.Change;
import com.acme.tiering.web.PolicyComparison.TierLine;
import com.acme.tiering.web.PolicyComparison.TriggerLine;
import com.acme.tiering.web.PolicyDifferences.Difference;

/**
 * Two versions' policies lined up: each tier, entitlement, plan row and trigger row marked added, removed, changed or
 * unchanged, removed lines where they stood, and the change list an operations manager reads first.
 */
class PolicyComparisonTests {

    private final List<RuleFile> shipped = new RulesDirectory().read(Path.of("rules"));
    private final RulesetPolicies policies = new RulesetPolicies();
    private final RulesetPolicy inForce = policies.of(shipped).orElseThrow();
    private final RulesetPolicy draft = policies.of(edited(PolicyEdits.goldDormantFreeShippingBigDrop(shipped)))
            .orElseThrow();

    @Test
    void aRenamedTierAnAddedTierAndAReRankedTierAreMarkedWithTheCustomersNowAndAfter() {
        PolicyComparison comparison = PolicyComparison.of(inForce, draft, Map.of("A", 5L, "B", 20L, "D", 70L),
                Map.of("A", 5L, "B", 20L, "E", 30L, "D", 40L));

        assertThat(comparison.comparing()).isTrue();
        assertThat(comparison.tiers()).extracting(TierLine::code, TierLine::change).containsExactly(
                tuple("A", Change.UNCHANGED), tuple("B", Change.CHANGED), tuple("C", Change.UNCHANGED),
                tuple("E", Change.ADDED), tuple("D", Change.CHANGED));
        TierLine gold = comparison.tiers().get(1);
        assertThat(gold.name()).isEqualTo(new Cell("Key", "Gold"));
        assertThat(gold.rank().changed()).isFalse();
        assertThat(gold.colour()).isEqualTo(new Cell("#3C8DBC", "#C9A227"));
        TierLine dormant = comparison.tiers().get(3);
        assertThat(dormant.name()).isEqualTo(new Cell(null, "Dormant"));
        assertThat(dormant.customersNow()).as("no customer holds a tier the version in force lacks").isNull();
        assertThat(dormant.customersAfter()).isEqualTo(30L);
        assertThat(comparison.tiers().get(2).customersNow()).as("C: no current decision").isZero();
        assertThat(comparison.tiers().get(4).rank()).isEqualTo(new Cell("4", "5"));
    }

    @Test
    void theNewEntitlementIsAnAddedColumnAndEveryPlanRowGivingItIsChanged() {
        PolicyComparison comparison = PolicyComparison.of(inForce, draft, Map.of(), null);

        assertThat(comparison.columns()).extracting(PolicyComparison.Column::name, PolicyComparison.Column::change)
                .endsWith(tuple("supportChannel", Change.UNCHANGED), tuple("freeShipping", Change.ADDED));
        assertThat(comparison.entitlements().get(6).type()).isEqualTo(new Cell(null, "yes/no"));
        assertThat(comparison.planRows()).extracting(PolicyComparison.PlanLine::change).containsExactly(
                Change.CHANGED, Change.CHANGED, Change.CHANGED, Change.CHANGED, Change.CHANGED, Change.CHANGED,
                Change.CHANGED, Change.ADDED);
        assertThat(comparison.planRows().get(0).values().get("freeShipping")).isEqualTo(new Cell(null, "yes"));
        assertThat(comparison.planRows().get(0).values().get("discountPct")).isEqualTo(new Cell("8", "8"));
        assertThat(comparison.planRows().get(7).values().get("freeShipping")).isEqualTo(new Cell(null, "no"));
        assertThat(comparison.tiers()).allSatisfy(t -> assertThat(t.customersAfter()).isNull());
    }

    @Test
    void aRaisedThresholdChangesItsTriggerRowAndANewRowIsAdded() {
        PolicyComparison comparison = PolicyComparison.of(inForce, draft, Map.of(), null);

        assertThat(comparison.triggers()).extracting(t -> t.id().shown() + " " + t.risk().shown(), TriggerLine::change)
                .contains(tuple("COMPLAINT_BURST HIGH", Change.CHANGED), tuple("DETRACTOR MEDIUM", Change.UNCHANGED))
                .endsWith(tuple("BIG_DROP HIGH", Change.ADDED));
        TriggerLine burst = comparison.triggers().get(4);
        assertThat(burst.conditions()).isEqualTo(new Cell("complaintsLast90d ≥ 2", "complaintsLast90d ≥ 3"));
        assertThat(burst.row()).isEqualTo(new Cell("15", "15"));
    }

    @Test
    void theChangeListSaysWhatChangedInWords() {
        List<String> differences = PolicyDifferences.of(PolicyComparison.of(inForce, draft, Map.of("D", 7L), null))
                .stream().map(Difference::text).toList();

        assertThat(differences).contains("Tier B: name Key → Gold; colour #3C8DBC → #C9A227",
                "Tier E added: Dormant, rank 4", "Tier D: rank 4 → 5; description changed",
                "Entitlement freeShipping added: yes/no", "Plan row 'Dormant' added: row 18, plan WINBACK",
                "Trigger COMPLAINT_BURST HIGH: conditions complaintsLast90d ≥ 2 → complaintsLast90d ≥ 3",
                "Trigger BIG_DROP HIGH added: row 19");
        assertThat(differences).as("the new column's values are its own change, shown row by row in the table")
                .noneMatch(text -> text.startsWith("Plan row 'Strategic'"));
    }

    @Test
    void aPlanRowGivingAnotherValueSaysWhichAndFromWhatToWhat() {
        byte[] plans = Workbooks.withCell(file("service-plans.xlsx"), "ServicePlans", 12, 7, 6);
        RulesetPolicy faster = policies.of(edited(List.of(new RuleFile("service-plans.xlsx", plans)))).orElseThrow();

        assertThat(PolicyDifferences.of(PolicyComparison.of(inForce, faster, Map.of(), null)))
                .extracting(Difference::section, Difference::text)
                .containsExactly(tuple("plan-rows", "Plan row 'Key': responseSlaHours 8 → 6"));
    }

    @Test
    void goingBackRemovesTheTierWhereItStoodAndSaysWhoHoldsIt() {
        PolicyComparison back = PolicyComparison.of(draft, inForce, Map.of("E", 12L), Map.of("D", 12L));

        assertThat(back.tiers()).extracting(TierLine::code, TierLine::change).containsExactly(
                tuple("A", Change.UNCHANGED), tuple("B", Change.CHANGED), tuple("C", Change.UNCHANGED),
                tuple("E", Change.REMOVED), tuple("D", Change.CHANGED));
        assertThat(back.tiers().get(3).customersAfter()).isZero();
        assertThat(back.columns()).extracting(PolicyComparison.Column::change).endsWith(Change.REMOVED);
        assertThat(PolicyDifferences.of(back)).extracting(Difference::text)
                .contains("Tier E removed: 12 customers hold it now", "Trigger BIG_DROP HIGH removed");
    }

    @Test
    void aTriggerWhoseRiskChangedIsThatRowChangedNotARowRemovedAndAnotherAdded() {
        byte[] triggers = Workbooks.withCell(file("churn-triggers.xlsx"), "ChurnTriggers", 14, 12, "MEDIUM");
        RulesetPolicy lowered = policies.of(edited(List.of(new RuleFile("churn-triggers.xlsx", triggers))))
                .orElseThrow();

        PolicyComparison comparison = PolicyComparison.of(inForce, lowered, Map.of(), null);

        assertThat(comparison.triggers()).hasSize(8);
        assertThat(comparison.triggers().get(4).change()).isEqualTo(Change.CHANGED);
        assertThat(comparison.triggers().get(4).risk()).isEqualTo(new Cell("HIGH", "MEDIUM"));
    }

    @Test
    void thePolicyInForceAloneIsUnchangedThroughout() {
        PolicyComparison alone = PolicyComparison.of(inForce, null, Map.of("A", 3L), null);

        assertThat(alone.comparing()).isFalse();
        assertThat(alone.anyChange()).isFalse();
        assertThat(alone.tiers().get(0).customersNow()).isEqualTo(3L);
        assertThat(alone.triggers()).hasSize(8).allMatch(t -> !t.description().changed());
    }

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
