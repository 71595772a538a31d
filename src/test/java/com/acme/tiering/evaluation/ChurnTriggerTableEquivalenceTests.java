package com.acme.tiering.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.tiering.facts.CustomerFacts;

/**
 * rules/churn-triggers.xlsx decides exactly as the churn-triggers.drl it replaced: on 100,000 generated customers
 * whose facts reach every trigger and its boundaries, customer by customer.
 */
class ChurnTriggerTableEquivalenceTests {

    private static final int CUSTOMERS = 100_000;
    private static final long SEED = 20_261_124L;

    @Test
    void theTableGivesEveryGeneratedCustomerTheSignalsTheDrlGave() {
        List<CustomerFacts> customers = VariedCustomers.of(CUSTOMERS, SEED);
        long started = System.nanoTime();

        LegacyChurnTriggers.Comparison comparison = LegacyChurnTriggers.compare(customers, ShippedRules.ruleset());

        System.out.printf("churn triggers, DRL vs table: %,d generated customers compared, %,d differences (%d s)%n",
                comparison.compared(), comparison.differences().size(), (System.nanoTime() - started) / 1_000_000_000);
        assertThat(comparison.compared()).isEqualTo(CUSTOMERS);
        assertThat(comparison.differences()).as("customers the table decides otherwise than the DRL").isEmpty();
    }

    /** The comparison means something only if the generated customers reach every row of the table. */
    @Test
    void theGeneratedCustomersMakeEveryTriggerRowFire() {
        List<CustomerFacts> customers = VariedCustomers.of(3_000, SEED);

        java.util.Set<String> fired = new java.util.TreeSet<>();
        for (CustomerFacts facts : customers) {
            Evaluator.run(facts, ShippedRules.ruleset()).explanation().firedRules().stream()
                    .map(Explanation.FiredRule::source).filter(s -> s.startsWith("churn-triggers.xlsx"))
                    .forEach(fired::add);
        }

        assertThat(fired).as("trigger rows the comparison reaches").hasSize(8);
    }
}
