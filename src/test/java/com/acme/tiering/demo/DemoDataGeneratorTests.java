package com.acme.tiering.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.acme.tiering.demo.DemoCustomer.Interaction;
import com.acme.tiering.demo.DemoCustomer.Order;

class DemoDataGeneratorTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
    private static final List<DemoCustomer> POPULATION = generate(42, 5000, 1000);

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
    void chunksCanBeGeneratedIndependentlyAndInAnyOrder() {
        DemoDataGenerator generator = new DemoDataGenerator(42, TODAY);
        List<DemoCustomer> later = generator.customers(201, 100);
        List<DemoCustomer> earlier = generator.customers(1, 200);
        assertThat(later).isEqualTo(POPULATION.subList(200, 300));
        assertThat(earlier).isEqualTo(POPULATION.subList(0, 200));
    }

    @Test
    void anotherSeedGivesOtherData() {
        List<DemoCustomer> other = generate(43, 50, 100);
        assertThat(other).isNotEqualTo(POPULATION.subList(0, 50));
        assertThat(other).extracting(DemoCustomer::orders).isNotEqualTo(
                POPULATION.subList(0, 50).stream().map(DemoCustomer::orders).toList());
    }

    @Test
    void idsAreValidAndUniqueAndNothingIsDatedAfterToday() {
        Set<String> ids = new HashSet<>();
        for (DemoCustomer customer : POPULATION) {
            assertThat(customer.customerId()).matches("[A-Za-z0-9_.:-]{1,64}");
            assertThat(ids.add(customer.customerId())).isTrue();
            assertThat(customer.orders()).extracting(Order::orderId).doesNotHaveDuplicates();
            assertThat(customer.interactions()).extracting(Interaction::interactionId).doesNotHaveDuplicates();
            assertThat(customer.orders()).allSatisfy(order -> {
                assertThat(order.date()).isBeforeOrEqualTo(TODAY);
                assertThat(order.amount()).isNotNegative();
            });
            assertThat(customer.interactions()).allSatisfy(i -> assertThat(i.date()).isBeforeOrEqualTo(TODAY));
        }
        assertThat(POPULATION.get(0).customerId()).isEqualTo("CUST-00001");
    }

    @Test
    void idsArePaddedToTheLargestNumberSoTheySortInGenerationOrder() {
        assertThat(DemoDataGenerator.idDigits(2000)).isEqualTo(5);
        assertThat(DemoDataGenerator.idDigits(1_000_000)).isEqualTo(7);
        DemoDataGenerator generator = new DemoDataGenerator(7, TODAY, DemoDataGenerator.idDigits(1_000_000));
        assertThat(generator.customerId(1)).isEqualTo("CUST-0000001");
        assertThat(generator.customerId(999_999)).isLessThan(generator.customerId(1_000_000));
    }

    @Test
    void everyArchetypeOccursInTheDefaultSize() {
        assertThat(POPULATION.subList(0, 2000)).extracting(DemoCustomer::archetype)
                .containsAll(Arrays.stream(Archetype.values()).map(Enum::name).toList());
    }

    @Test
    void nineInTenCustomersHaveARelationshipDepthMostlyTheDeciderAtLargeAccountsAndAUserAtSmallOnes() {
        assertThat(POPULATION).extracting(DemoCustomer::relationshipDepth)
                .containsOnly("DECISION_MAKER", "INFLUENCER", "USER", null);
        assertThat(share(POPULATION, c -> c.relationshipDepth() == null)).isBetween(0.08, 0.12);
        List<DemoCustomer> large = POPULATION.stream().filter(c -> c.relationshipDepth() != null)
                .filter(c -> Archetype.valueOf(c.archetype()).size == Archetype.Size.LARGE).toList();
        List<DemoCustomer> small = POPULATION.stream().filter(c -> c.relationshipDepth() != null)
                .filter(c -> Archetype.valueOf(c.archetype()).size == Archetype.Size.SMALL).toList();
        assertThat(share(large, c -> c.relationshipDepth().equals("DECISION_MAKER"))).isBetween(0.5, 0.7);
        assertThat(share(small, c -> c.relationshipDepth().equals("USER"))).isBetween(0.3, 0.5);
        assertThat(generate(42, 300, 7)).extracting(DemoCustomer::relationshipDepth)
                .as("deterministic, whatever the chunk size").isEqualTo(POPULATION.subList(0, 300).stream()
                        .map(DemoCustomer::relationshipDepth).toList());
    }

    private static double share(List<DemoCustomer> customers, Predicate<DemoCustomer> which) {
        return customers.stream().filter(which).count() / (double) customers.size();
    }

    @Test
    void averagesAboutTenOrdersPerCustomer() {
        double orders = POPULATION.stream().mapToInt(c -> c.orders().size()).average().orElseThrow();
        assertThat(orders).isBetween(8.0, 13.0);
    }

    @Test
    void revenueIsParetoDistributedTheTopFifthMakesMostOfIt() {
        List<BigDecimal> revenues = POPULATION.stream().map(DemoDataGeneratorTests::revenue)
                .sorted(Comparator.reverseOrder()).toList();
        BigDecimal total = sum(revenues);
        BigDecimal topFifth = sum(revenues.subList(0, revenues.size() / 5));
        BigDecimal topHundredth = sum(revenues.subList(0, revenues.size() / 100));
        assertThat(topFifth.doubleValue() / total.doubleValue()).isGreaterThanOrEqualTo(0.6);
        assertThat(topHundredth.doubleValue() / total.doubleValue()).isGreaterThanOrEqualTo(0.15);
    }

    @Test
    void customersOrderMoreInBusyMonthsThanInAugust() {
        long[] byMonth = new long[13];
        POPULATION.forEach(c -> c.orders().forEach(o -> byMonth[o.date().getMonthValue()]++));
        double november = byMonth[Month.NOVEMBER.getValue()];
        double august = byMonth[Month.AUGUST.getValue()];
        assertThat(november / august).isGreaterThan(1.5);
        assertThat(byMonth[Month.MARCH.getValue()]).isGreaterThan(byMonth[Month.JANUARY.getValue()]);
    }

    @Test
    void someAccountsAreSilentAndSomeAreProspectsWithoutOrders() {
        assertThat(share(c -> c.orders().isEmpty())).isBetween(0.03, 0.10);
        assertThat(share(c -> !c.orders().isEmpty() && daysSinceLastOrder(c) > 365)).isBetween(0.05, 0.20);
        assertThat(share(c -> !c.orders().isEmpty() && daysSinceLastOrder(c) > 180)).isBetween(0.12, 0.35);
    }

    @Test
    void someCustomersComplainSeveralTimesWithinWeeks() {
        assertThat(share(c -> complaintBurst(c, 0, 10_000))).isBetween(0.05, 0.20);
        assertThat(share(c -> complaintBurst(c, 0, 90))).isBetween(0.01, 0.10);
        assertThat(share(c -> complaintBurst(c, 120, 10_000))).isGreaterThan(0.01);
    }

    private static double share(Predicate<DemoCustomer> condition) {
        return (double) POPULATION.stream().filter(condition).count() / POPULATION.size();
    }

    private static BigDecimal revenue(DemoCustomer customer) {
        return sum(customer.orders().stream().map(Order::amount).toList());
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static long daysSinceLastOrder(DemoCustomer customer) {
        return ChronoUnit.DAYS.between(customer.orders().get(customer.orders().size() - 1).date(), TODAY);
    }

    /** Two or more complaints within six weeks, the later of them between {@code from} and {@code to} days ago. */
    private static boolean complaintBurst(DemoCustomer customer, int from, int to) {
        List<LocalDate> complaints = customer.interactions().stream().filter(i -> i.type().equals("COMPLAINT"))
                .map(Interaction::date).sorted().toList();
        for (int i = 1; i < complaints.size(); i++) {
            long ago = ChronoUnit.DAYS.between(complaints.get(i), TODAY);
            if (ChronoUnit.DAYS.between(complaints.get(i - 1), complaints.get(i)) <= 42 && ago >= from && ago <= to) {
                return true;
            }
        }
        return false;
    }

    @Test
    void demoIsOnByDefaultOnlyForTheEmbeddedDatabase() {
        assertThat(DemoDataLoader.enabled(null, "jdbc:h2:file:./data/tiering")).isTrue();
        assertThat(DemoDataLoader.enabled(null, "jdbc:mysql://db:3306/tiering")).isFalse();
        assertThat(DemoDataLoader.enabled(true, "jdbc:mysql://db:3306/tiering")).isTrue();
        assertThat(DemoDataLoader.enabled(false, "jdbc:h2:file:./data/tiering")).isFalse();
    }
}
