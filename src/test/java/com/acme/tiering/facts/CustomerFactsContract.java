package com.acme.tiering.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** Facts and population statistics, hand-computed; on H2 and a real MySQL-protocol server via subclasses. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import({ CustomerFactsService.class, FactsQueries.class, PopulationStatisticsStore.class, PopulationDistributions.class,
        CustomerFactsContract.FixedClock.class })
abstract class CustomerFactsContract {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        }
    }

    @Autowired
    CustomerFactsService facts;

    @Autowired
    JdbcTemplate jdbc;

    FactsTestData data;

    @BeforeEach
    void data() {
        // Other test classes share the real database; this test's own writes are rolled back.
        com.acme.tiering.support.DatabaseCleaner.clean(jdbc);
        data = new FactsTestData(jdbc);
    }

    @Test
    void ordersFallIntoTheWindowsOfTheBriefAtTheirEdges() {
        data.customer("W").order("W", AS_OF.minusDays(10), "100").order("W", AS_OF.minusDays(181), "200")
                .order("W", AS_OF.minusDays(182), "400").order("W", AS_OF.minusDays(364), "800")
                .order("W", AS_OF.minusDays(365), "1600").order("W", AS_OF.minusDays(729), "3200")
                .order("W", AS_OF.minusDays(730), "6400").order("W", AS_OF.plusDays(1), "12800");

        CustomerFacts w = facts.factsFor("W", AS_OF).orElseThrow();

        assertThat(w.ordersLast12m()).isEqualTo(4);
        assertThat(w.revenueLast12m()).isEqualByComparingTo("1500");
        assertThat(w.revenuePrev12m()).isEqualByComparingTo("4800");
        assertThat(w.revenueGrowthPct()).isEqualByComparingTo("-68.75");
        assertThat(w.revenueLast6m()).isEqualByComparingTo("300");
        assertThat(w.revenuePrev6m()).isEqualByComparingTo("400");
        assertThat(w.avgOrderValue12m()).isEqualByComparingTo("375");
        assertThat(w.recencyDays()).isEqualTo(10);
        assertThat(w.firstOrderDate()).isEqualTo(AS_OF.minusDays(730));
        assertThat(w.daysSinceFirstOrder()).isEqualTo(730);
        assertThat(w.tenureMonths()).isEqualTo(24);
        assertThat(w.avgInterOrderDays()).isEqualByComparingTo("143.8");
    }

    @Test
    void interactionsCountInTheirWindowsAndTheLatestNpsWins() {
        data.customer("I").interaction("I", AS_OF.minusDays(90), "COMPLAINT", false, null)
                .interaction("I", AS_OF.minusDays(89), "COMPLAINT", false, null)
                .interaction("I", AS_OF.minusDays(1), "COMPLAINT", false, null)
                .interaction("I", AS_OF.minusDays(300), "SUPPORT_TICKET", false, null)
                .interaction("I", AS_OF.minusDays(20), "SUPPORT_TICKET", false, null)
                .interaction("I", AS_OF.minusDays(5), "SUPPORT_TICKET", false, null)
                .interaction("I", AS_OF.minusDays(5), "SUPPORT_TICKET", true, null)
                .interaction("I", AS_OF.plusDays(2), "SUPPORT_TICKET", false, null)
                .interaction("I", AS_OF.minusDays(100), "NPS_SURVEY", false, 9)
                .interaction("I", AS_OF.minusDays(3), "NPS_SURVEY", false, 4)
                .interaction("I", AS_OF.minusDays(366), "REFERRAL", false, null)
                .interaction("I", AS_OF.minusDays(30), "REFERRAL", false, null);

        CustomerFacts i = facts.factsFor("I", AS_OF).orElseThrow();

        assertThat(i.complaintsLast90d()).isEqualTo(2);
        assertThat(i.openTickets()).isEqualTo(3);
        assertThat(i.latestNps()).isEqualTo(4);
        assertThat(i.referralsLast12m()).isEqualTo(1);
        assertThat(i.lastContactDays()).isEqualTo(1);
    }

    @Test
    void aCustomerWithoutOrdersHasZeroCountsAndUnknownValues() {
        data.customer("P");

        CustomerFacts p = facts.factsFor("P", AS_OF).orElseThrow();

        assertThat(p.ordersLast12m()).isZero();
        assertThat(p.revenueLast12m()).isZero();
        assertThat(p.revenueGrowthPct()).isNull();
        assertThat(p.recencyDays()).isNull();
        assertThat(p.avgOrderValue12m()).isNull();
        assertThat(p.avgInterOrderDays()).isNull();
        assertThat(p.tenureMonths()).isZero();
        assertThat(p.rScore()).isNull();
        assertThat(p.paretoShare()).isNull();
        assertThat(facts.factsFor("NOBODY", AS_OF)).isEmpty();
    }

    /**
     * Seven buyers (n = 7) with a revenue tie between C3 and C4, one order each at 10·i days ago, and one
     * customer without orders. Total revenue 2,700.
     */
    private long sevenBuyersAndAProspect() {
        String[] revenue = { "100", "200", "300", "300", "500", "600", "700" };
        for (int i = 1; i <= 7; i++) {
            data.customer("C" + i).order("C" + i, AS_OF.minusDays(10L * i), revenue[i - 1]);
        }
        data.customer("C8");
        long run = data.run(AS_OF);
        facts.computePopulationStatistics(run, AS_OF);
        return run;
    }

    private static final List<String> SEVEN = List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7");

    @Test
    void rfmQuintilesCountTheBuyersStrictlyWorseSoEqualValuesScoreEqually() {
        long run = sevenBuyersAndAProspect();

        Map<String, CustomerFacts> scored = byId(facts.factsForRun(run, AS_OF,
                List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8")));

        // worse = 0,1,2,2,4,5,6 of n = 7: floor(w * 5 / 7) + 1
        assertThat(SEVEN).extracting(id -> scored.get(id).mScore()).containsExactly(1, 1, 2, 2, 3, 4, 5);
        assertThat(SEVEN).extracting(id -> scored.get(id).rScore()).containsExactly(5, 4, 3, 3, 2, 1, 1);
        // one order each: nobody is worse than anybody, whatever the ids
        assertThat(SEVEN).extracting(id -> scored.get(id).fScore()).containsOnly(1);
        assertThat(scored.get("C8").rScore()).isNull();
        assertThat(scored.get("C8").mScore()).isNull();
    }

    @Test
    void paretoShareIsTheRevenueOfTheCustomersStrictlyAboveOverTheTotal() {
        long run = sevenBuyersAndAProspect();

        Map<String, CustomerFacts> scored = byId(facts.factsForRun(run, AS_OF,
                List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8")));

        assertThat(scored.get("C7").paretoShare()).isEqualByComparingTo("0");
        assertThat(scored.get("C6").paretoShare()).isEqualTo(ratio(700, 2700));
        assertThat(scored.get("C5").paretoShare()).isEqualTo(ratio(1300, 2700));
        assertThat(scored.get("C3").paretoShare()).isEqualTo(ratio(1800, 2700)).isEqualTo(scored.get("C4").paretoShare());
        assertThat(scored.get("C2").paretoShare()).isEqualTo(ratio(2400, 2700));
        assertThat(scored.get("C1").paretoShare()).isEqualTo(ratio(2600, 2700));
        assertThat(scored.get("C8").paretoShare()).isEqualByComparingTo("1");
    }

    @Test
    void aCustomerThatAloneMakesMostRevenueStartsTheCurveAtZero() {
        data.customer("BIG").order("BIG", AS_OF.minusDays(5), "9200");
        for (int i = 1; i <= 8; i++) {
            data.customer("S" + i).order("S" + i, AS_OF.minusDays(5), "100");
        }
        long run = data.run(AS_OF);
        facts.computePopulationStatistics(run, AS_OF);

        Map<String, CustomerFacts> scored = byId(facts.factsForRun(run, AS_OF, List.of("BIG", "S1", "S8")));

        assertThat(scored.get("BIG").paretoShare()).isEqualByComparingTo("0");
        assertThat(scored.get("S1").paretoShare()).isEqualByComparingTo("0.92")
                .isEqualTo(scored.get("S8").paretoShare());
    }

    @Test
    void everyoneHasShareOneWhenNobodyBought() {
        data.customer("Z1").customer("Z2");
        long run = data.run(AS_OF);
        facts.computePopulationStatistics(run, AS_OF);

        assertThat(facts.factsForRun(run, AS_OF, List.of("Z1", "Z2"))).extracting(CustomerFacts::paretoShare)
                .allSatisfy(share -> assertThat(share).isEqualByComparingTo("1"));
    }

    @Test
    void anUnchangedCustomerEvaluatedAloneGetsExactlyWhatTheRunGaveIt() {
        long run = sevenBuyersAndAProspect();
        List<String> all = List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8");

        assertThat(facts.factsFor(all, AS_OF)).isEqualTo(facts.factsForRun(run, AS_OF, all));
        assertThat(facts.statisticsOf(run)).get().satisfies(stats -> {
            assertThat(stats.population()).isEqualTo(7);
            assertThat(stats.customers()).isEqualTo(8);
            assertThat(stats.totalRevenue()).isEqualByComparingTo("2700");
            assertThat(stats.monetaryCutoffs()).containsExactly(new BigDecimal("300.00"), new BigDecimal("500.00"),
                    new BigDecimal("600.00"), new BigDecimal("700.00"));
        });
    }

    @Test
    void anUnchangedCustomerKeepsItsRecencyScoreOnALaterDay() {
        long run = sevenBuyersAndAProspect();
        Map<String, CustomerFacts> inRun = byId(facts.factsForRun(run, AS_OF, SEVEN));

        Map<String, CustomerFacts> later = byId(facts.factsFor(SEVEN, AS_OF.plusDays(9)));

        assertThat(SEVEN).allSatisfy(id -> {
            assertThat(later.get(id).recencyDays()).isEqualTo(inRun.get(id).recencyDays() + 9);
            assertThat(later.get(id).rScore()).isEqualTo(inRun.get(id).rScore());
        });
    }

    /**
     * Between runs a changed customer is placed among the run's population with its own entry replaced: exactly
     * where a new run on the same day puts it when nothing else changed. One change, then a run, at a time.
     */
    @Test
    void aChangedOrNewCustomerIsPlacedWhereTheNextRunPutsIt() {
        sevenBuyersAndAProspect();

        data.order("C3", AS_OF.minusDays(1), "200"); // 500 now, as C5; the most recent order
        CustomerFacts c3 = placedAsTheNextRunPlacesIt("C3");
        data.order("C8", AS_OF.minusDays(60), "50"); // the prospect's first order
        CustomerFacts c8 = placedAsTheNextRunPlacesIt("C8");
        data.customer("NEW").order("NEW", AS_OF.minusDays(2), "5000").order("NEW", AS_OF.minusDays(3), "5000");
        CustomerFacts big = placedAsTheNextRunPlacesIt("NEW");
        data.customer("NEW-PROSPECT");
        CustomerFacts prospect = placedAsTheNextRunPlacesIt("NEW-PROSPECT");

        assertThat(c3.rScore()).isEqualTo(5);
        assertThat(c3.paretoShare()).isEqualTo(ratio(700 + 600, 2900));
        assertThat(c8.mScore()).isEqualTo(1);
        assertThat(big.paretoShare()).isEqualByComparingTo("0");
        assertThat(big.mScore()).isEqualTo(5);
        assertThat(prospect.paretoShare()).isEqualByComparingTo("1");
        assertThat(prospect.rScore()).isNull();
    }

    private CustomerFacts placedAsTheNextRunPlacesIt(String id) {
        CustomerFacts between = facts.factsFor(id, AS_OF).orElseThrow();
        long next = data.run(AS_OF);
        facts.computePopulationStatistics(next, AS_OF);
        assertThat(between).isEqualTo(facts.factsForRun(next, AS_OF, List.of(id)).get(0));
        return between;
    }

    /**
     * 150 customers drawn from a few dates and amounts, so most share their values with others: the run's SQL
     * agrees with §5 counted plainly over the facts, and a single evaluation of each agrees with the run.
     */
    @Test
    void theRunAgreesWithPlainCountsOverAPopulationFullOfTies() {
        java.util.Random random = new java.util.Random(14);
        String[] amounts = { "0", "50", "100", "100", "250.50", "999.99", "1000" };
        int[] daysAgo = { 0, 1, 1, 30, 200, 400, 800 };
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String id = String.format("R%03d", i);
            ids.add(id);
            data.customer(id);
            for (int o = random.nextInt(5); o > 0; o--) {
                data.order(id, AS_OF.minusDays(daysAgo[random.nextInt(daysAgo.length)]),
                        amounts[random.nextInt(amounts.length)]);
            }
        }
        long run = data.run(AS_OF);
        facts.computePopulationStatistics(run, AS_OF);

        List<CustomerFacts> inRun = facts.factsForRun(run, AS_OF, ids);

        List<CustomerFacts> buyers = inRun.stream().filter(f -> f.firstOrderDate() != null).toList();
        BigDecimal total = inRun.stream().map(CustomerFacts::revenueLast12m).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(inRun).allSatisfy(f -> {
            assertThat(f.paretoShare()).as(f.customerId()).isEqualByComparingTo(total.signum() == 0 ? BigDecimal.ONE
                    : inRun.stream().map(CustomerFacts::revenueLast12m).filter(r -> r.compareTo(f.revenueLast12m()) > 0)
                            .reduce(BigDecimal.ZERO, BigDecimal::add).divide(total, FactPrecision.CONTEXT));
            if (f.firstOrderDate() == null) {
                assertThat(f.rScore()).isNull();
                return;
            }
            assertThat(f.rScore()).as(f.customerId()).isEqualTo(score(buyers.stream()
                    .filter(b -> b.recencyDays() > f.recencyDays()).count(), buyers.size()));
            assertThat(f.fScore()).as(f.customerId()).isEqualTo(score(buyers.stream()
                    .filter(b -> b.ordersLast12m() < f.ordersLast12m()).count(), buyers.size()));
            assertThat(f.mScore()).as(f.customerId()).isEqualTo(score(buyers.stream()
                    .filter(b -> b.revenueLast12m().compareTo(f.revenueLast12m()) < 0).count(), buyers.size()));
        });
        assertThat(facts.factsFor(ids, AS_OF)).isEqualTo(inRun);
    }

    private static int score(long worse, long population) {
        return (int) Math.floor(worse * 5.0 / population) + 1;
    }

    /** 49.99995% growth and 4 orders over 91 days keep every digit a rule may compare. */
    @Test
    void ratiosReachTheRulesUnrounded() {
        data.customer("G").order("G", AS_OF.minusDays(400), "20000").order("G", AS_OF.minusDays(10), "29999.99");
        data.customer("R").order("R", AS_OF.minusDays(200), "10").order("R", AS_OF.minusDays(170), "10")
                .order("R", AS_OF.minusDays(140), "10").order("R", AS_OF.minusDays(109), "10");

        CustomerFacts g = facts.factsFor("G", AS_OF).orElseThrow();
        CustomerFacts r = facts.factsFor("R", AS_OF).orElseThrow();

        assertThat(g.revenueGrowthPct()).isEqualByComparingTo("49.99995");
        assertThat(r.avgInterOrderDays()).isEqualTo(ratio(91, 3));
        assertThat(r.avgInterOrderDays().multiply(BigDecimal.valueOf(3), java.math.MathContext.DECIMAL128))
                .isEqualByComparingTo("91");
        assertThat(r.avgOrderValue12m()).isEqualByComparingTo("10");
    }

    private static BigDecimal ratio(long above, long total) {
        return BigDecimal.valueOf(above).divide(BigDecimal.valueOf(total), FactPrecision.CONTEXT).stripTrailingZeros();
    }

    /** Statistics stored before V17 carry a Pareto curve; single evaluations still read them and place customers. */
    @Test
    void statisticsStoredByEarlierVersionsStillServe() {
        data.customer("OLD").order("OLD", AS_OF.minusDays(3), "100");
        long run = data.run(AS_OF);
        jdbc.update("INSERT INTO population_score (run_id, customer_id, last_order_date, orders_last12m, revenue_last12m)"
                + " VALUES (?, 'OLD', ?, 1, 100)", run, AS_OF.minusDays(3));
        jdbc.update("INSERT INTO population_statistics (run_id, as_of, population, total_revenue, stats_json, created_at)"
                + " VALUES (?, ?, 1, 100, ?, ?)", run, AS_OF, "{\"runId\":" + run + ",\"asOf\":\"2026-06-30\","
                + "\"population\":1,\"customers\":1,\"totalRevenue\":100.00,\"recencyCutoffs\":[null,null,null,null],"
                + "\"frequencyCutoffs\":[],\"monetaryCutoffs\":[],\"paretoCurve\":[{\"revenue\":100.00,\"share\":1}]}",
                java.sql.Timestamp.valueOf(AS_OF.atStartOfDay()));

        CustomerFacts old = facts.factsFor("OLD", AS_OF).orElseThrow();

        assertThat(facts.statisticsOf(run)).get().extracting(PopulationStatistics::population).isEqualTo(1);
        assertThat(old.paretoShare()).isEqualByComparingTo("0");
        assertThat(old.mScore()).isEqualTo(1);
    }

    @Test
    void pagesThroughCustomerIdsInOrder() {
        data.customer("B").customer("A").customer("C");

        assertThat(facts.customerIdsAfter(null, 2)).containsExactly("A", "B");
        assertThat(facts.customerIdsAfter("B", 2)).containsExactly("C");
        assertThat(facts.countCustomers()).isEqualTo(3);
    }

    private static Map<String, CustomerFacts> byId(List<CustomerFacts> list) {
        return list.stream().collect(Collectors.toMap(CustomerFacts::customerId, f -> f));
    }
}
