package com.acme.tiering.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.acme.tiering.facts.AttributeValues;
import com.acme.tiering.facts.CustomerFacts;

/** What a rollback counts as "the facts have not changed": the customer's data, not the day it is looked at. */
class FactsDigestTests {

    private static final LocalDate PUBLISHED = LocalDate.of(2026, 3, 1);

    @Test
    void aCustomerWhoDidNothingKeepsItsDigestDaysLater() {
        assertThat(FactsDigest.of(customer(PUBLISHED.plusDays(5), 0, 14, BigDecimal.ZERO)))
                .isEqualTo(FactsDigest.of(customer(PUBLISHED, 0, 14, BigDecimal.ZERO)));
    }

    @Test
    void aNewOrderAContactOrAnotherPlaceInThePopulationChangesIt() {
        String before = FactsDigest.of(customer(PUBLISHED, 0, 14, BigDecimal.ZERO));
        assertThat(FactsDigest.of(customer(PUBLISHED.plusDays(5), 1, 14, BigDecimal.ZERO)))
                .as("an order since: one more order and a later last order").isNotEqualTo(before);
        assertThat(FactsDigest.of(customer(PUBLISHED.plusDays(5), 0, 0, BigDecimal.ZERO)))
                .as("a contact today").isNotEqualTo(before);
        assertThat(FactsDigest.of(customer(PUBLISHED, 0, 14, new BigDecimal("0.01"))))
                .as("a run that placed the customer elsewhere").isNotEqualTo(before);
    }

    @Test
    void anAttributeSetChangedOrRemovedChangesItAndNoAttributesLeaveItAsItWas() {
        CustomerFacts facts = customer(PUBLISHED, 0, 14, BigDecimal.ZERO);
        String without = FactsDigest.of(facts);
        String framework = FactsDigest.of(facts.withAttributes(AttributeValues.of(Map.of("contractType", "FRAMEWORK"))));

        assertThat(framework).as("set").isNotEqualTo(without);
        assertThat(FactsDigest.of(facts.withAttributes(AttributeValues.of(Map.of("contractType", "ONE_OFF")))))
                .as("changed").isNotEqualTo(framework);
        assertThat(FactsDigest.of(facts.withAttributes(AttributeValues.of(Map.of("seats", 5L)))))
                .as("1.5 and 1.50 alike").isEqualTo(FactsDigest.of(facts.withAttributes(AttributeValues.of(Map.of(
                        "seats", new BigDecimal("5.00"))))));
        assertThat(FactsDigest.of(facts.withAttributes(AttributeValues.NONE))).as("removed").isEqualTo(without);
        assertThat(without).as("the digest of a customer without attributes is what it was before they existed")
                .isEqualTo("ffbf17a2f26fb8d526209364ffb2ace074a2f8874b519228d72f570315beaddb");
    }

    @Test
    void theTierPolicyStateIsNotTheCustomersFacts() {
        CustomerFacts facts = customer(PUBLISHED, 0, 14, BigDecimal.ZERO);
        assertThat(FactsDigest.of(facts.withTierState("A", PUBLISHED, PUBLISHED.minusDays(3))))
                .isEqualTo(FactsDigest.of(facts.withTierState("C", null, null)));
    }

    /**
     * The same customer looked at on {@code asOf}: last order on 20 February, last contact {@code contactDaysAgo}
     * days before the publication date, {@code newOrders} orders after the publication date.
     */
    private static CustomerFacts customer(LocalDate asOf, int newOrders, int contactDaysAgo, BigDecimal shareShift) {
        LocalDate firstOrder = LocalDate.of(2024, 3, 1);
        LocalDate lastOrder = newOrders == 0 ? LocalDate.of(2026, 2, 20) : asOf;
        LocalDate lastContact = contactDaysAgo == 0 ? asOf : PUBLISHED.minusDays(contactDaysAgo);
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(firstOrder, asOf);
        return new CustomerFacts("DIGEST-1", "Digest Customer", "Retail", "North", 50, "Dana Seller", asOf,
                firstOrder, days, days / 30, (int) java.time.temporal.ChronoUnit.DAYS.between(lastOrder, asOf),
                5 + newOrders, new BigDecimal("12000.00"), BigDecimal.ZERO, null, BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("2400.00"), new BigDecimal("70"), 0, 0,
                (int) java.time.temporal.ChronoUnit.DAYS.between(lastContact, asOf), 8, 0, 3, 3, 3,
                new BigDecimal("0.95").add(shareShift), null, null, null);
    }
}
