package com.acme.tiering.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DemoDataGeneratorTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private static List<DemoCustomer> generate(long seed, int count, int chunk) {
        List<DemoCustomer> all = new ArrayList<>();
        new DemoDataGenerator(seed, TODAY).generate(count, chunk, all::addAll);
        return all;
    }

    @Test
    void theSameSeedGivesTheSameDataWhateverTheChunkSize() {
        assertThat(generate(42, 300, 1000)).isEqualTo(generate(42, 300, 7));
    }

    @Test
    void anotherSeedGivesOtherData() {
        assertThat(generate(43, 50, 100)).isNotEqualTo(generate(42, 50, 100));
    }

    @Test
    void idsAreValidAndUniqueAndNothingIsDatedAfterToday() {
        List<DemoCustomer> customers = generate(42, 500, 100);
        Set<String> ids = new HashSet<>();
        for (DemoCustomer customer : customers) {
            assertThat(customer.customerId()).matches("[A-Za-z0-9_.:-]{1,64}");
            assertThat(ids.add(customer.customerId())).isTrue();
            assertThat(customer.orders()).extracting(DemoCustomer.Order::orderId).doesNotHaveDuplicates();
            assertThat(customer.interactions()).extracting(DemoCustomer.Interaction::interactionId)
                    .doesNotHaveDuplicates();
            assertThat(customer.orders()).allSatisfy(order -> {
                assertThat(order.date()).isBeforeOrEqualTo(TODAY);
                assertThat(order.amount()).isNotNegative();
            });
            assertThat(customer.interactions()).allSatisfy(i -> assertThat(i.date()).isBeforeOrEqualTo(TODAY));
        }
        assertThat(customers.get(0).customerId()).isEqualTo("CUST-00001");
    }

    @Test
    void everyArchetypeOccursInTheDefaultSize() {
        assertThat(generate(42, 2000, 1000)).extracting(DemoCustomer::archetype).containsAll(
                java.util.Arrays.stream(Archetype.values()).map(Enum::name).toList());
    }

    @Test
    void demoIsOnByDefaultOnlyForTheEmbeddedDatabase() {
        assertThat(DemoDataLoader.enabled(null, "jdbc:h2:file:./data/tiering")).isTrue();
        assertThat(DemoDataLoader.enabled(null, "jdbc:mysql://db:3306/tiering")).isFalse();
        assertThat(DemoDataLoader.enabled(true, "jdbc:mysql://db:3306/tiering")).isTrue();
        assertThat(DemoDataLoader.enabled(false, "jdbc:h2:file:./data/tiering")).isFalse();
    }
}
