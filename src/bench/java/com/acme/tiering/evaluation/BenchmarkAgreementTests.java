package com.acme.tiering.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.acme.tiering.evaluation.Evaluation.ChurnSignal;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.ruleset.CompiledRuleset;

/**
 * The engines the benchmarks compare decide alike on the benchmark's customers, so the comparison is of the
 * same work. Run by bench/engine.sh before the benchmarks (./mvnw -Pbench test -Dtest=BenchmarkAgreementTests).
 */
class BenchmarkAgreementTests {

    private static final List<CustomerFacts> CUSTOMERS = VariedCustomers.of(EngineBenchmarks.CUSTOMERS,
            EngineBenchmarks.SEED);
    private static final CompiledRuleset RULES = ShippedRules.ruleset();

    @Test
    void theBenchmarkCustomersMakeEveryShippedRuleFire() {
        Set<String> fired = new HashSet<>();
        CUSTOMERS.forEach(customer -> Evaluator.run(customer, RULES).explanation().firedRules()
                .forEach(rule -> fired.add(rule.source())));

        assertThat(fired).containsAll(RULES.catalog().values().stream().map(rule -> rule.source()).toList());
    }

    @Test
    void theHandWrittenPolicyDecidesAsTheRulesForEveryBenchmarkCustomer() {
        for (CustomerFacts customer : CUSTOMERS) {
            Evaluation rules = Evaluator.run(customer, RULES);
            HandWrittenPolicy.Decision hand = HandWrittenPolicy.decide(customer);

            assertThat(hand).as(customer.customerId()).isEqualTo(new HandWrittenPolicy.Decision(rules.qualifiedTier(),
                    rules.tier(), rules.downgradePendingSince(), rules.tierProtectedUntil(), rules.lifecycleStage(),
                    rules.rfmSegment(), hand.churnSignals(), rules.churnRisk(), rules.servicePlan()));
            assertThat(hand.churnSignals()).as(customer.customerId())
                    .containsExactlyInAnyOrderElementsOf(rules.churnSignals());
        }
    }

    @ParameterizedTest(name = "legacy FEEL: {0}")
    @ValueSource(booleans = { false, true })
    void camundasTablesGiveTheRulesTierAndServicePlanForEveryBenchmarkCustomer(boolean legacyFeel) {
        CamundaTables camunda = new CamundaTables(legacyFeel);
        for (CustomerFacts customer : CUSTOMERS) {
            Evaluation rules = Evaluator.run(customer, RULES);
            DmnDecisionRuleResult plan = camunda.servicePlan(rules.tier(), rules.churnRisk(),
                    rules.lifecycleStage());
            Evaluation.Entitlements entitled = rules.servicePlan().entitlements();

            assertThat(camunda.tier(customer)).as(customer.customerId()).isEqualTo(rules.qualifiedTier());
            List<String> outputs = List.of("accountManager", "responseSlaHours", "reviewCadence", "visitsPerYear",
                    "discountPct", "supportChannel");
            // compared as text: the DMN engine answers Integers, the declared columns Long and BigDecimal
            assertThat(outputs.stream().map(name -> String.valueOf(plan.get(name))).toList()).as(customer.customerId())
                    .containsExactlyElementsOf(
                            outputs.stream().map(name -> String.valueOf(entitled.get(name))).toList());
            assertThat(entitled.values().keySet()).as(customer.customerId()).containsExactlyElementsOf(outputs);
            assertThat((Object) plan.get("plan")).as(customer.customerId()).isEqualTo(rules.servicePlan().code());
        }
    }

    @Test
    void theTwoTablesAloneGiveTheTierTableTierOfTheFullRules() {
        EngineBenchmarks.TwoTables tables = new EngineBenchmarks.TwoTables();
        tables.compile();
        for (CustomerFacts customer : CUSTOMERS) {
            Evaluation twoTables = Evaluator.run(customer, tables.ruleset);

            assertThat(twoTables.qualifiedTier()).as(customer.customerId())
                    .isEqualTo(Evaluator.run(customer, RULES).qualifiedTier());
            assertThat(twoTables.explanation().firedRules()).as(customer.customerId()).hasSize(2);
        }
    }

    @Test
    void everyTierPlanAndTriggerOccursAmongTheBenchmarkCustomers() {
        Set<String> seen = new HashSet<>();
        for (CustomerFacts customer : CUSTOMERS) {
            Evaluation rules = Evaluator.run(customer, RULES);
            seen.add("tier " + rules.tier());
            seen.add("plan " + rules.servicePlan().code());
            rules.churnSignals().stream().map(ChurnSignal::triggerId).forEach(seen::add);
        }

        assertThat(seen).contains("tier A", "tier B", "tier C", "tier D", "plan STRATEGIC", "plan KEY_RETENTION",
                "plan KEY", "plan ONBOARDING", "plan STANDARD_RETENTION", "plan STANDARD", "plan BASIC",
                "OVERDUE_PURCHASE", "REVENUE_DECLINE", "COMPLAINT_BURST", "UNRESOLVED_TICKETS", "GONE_SILENT",
                "DETRACTOR");
    }
}
