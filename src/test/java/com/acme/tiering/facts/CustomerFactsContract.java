package com.acme.tiering.facts;

import static org.assertj.core.api.Assertions.assertThat;

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
@Import({ CustomerFactsService.class, FactsQueries.class, PopulationStatisticsStore.class,
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
     * Seven buyers (n = 7: scores 1,1,2,3,3,4,5 by position) with a revenue tie between C3 and C4,
     * one order each at 10·i days ago, and one customer without orders.
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

    @Test
    void rfmQuintilesFollowPositionsWithTiesBrokenByCustomerId() {
        long run = sevenBuyersAndAProspect();

        Map<String, CustomerFacts> scored = byId(facts.factsForRun(run, AS_OF,
                List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8")));

        assertThat(List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7")).extracting(id -> scored.get(id).mScore())
                .containsExactly(1, 1, 2, 3, 3, 4, 5);
        assertThat(List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7")).extracting(id -> scored.get(id).rScore())
                .containsExactly(5, 4, 3, 3, 2, 1, 1);
        assertThat(List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7")).extracting(id -> scored.get(id).fScore())
                .containsExactly(1, 1, 2, 3, 3, 4, 5);
        assertThat(scored.get("C8").rScore()).isNull();
        assertThat(scored.get("C8").mScore()).isNull();
    }

    @Test
    void paretoShareIsTheCumulativeRevenueShareRevenueDescending() {
        long run = sevenBuyersAndAProspect();

        Map<String, CustomerFacts> scored = byId(facts.factsForRun(run, AS_OF,
                List.of("C1", "C3", "C4", "C5", "C7", "C8")));

        assertThat(scored.get("C7").paretoShare()).isEqualByComparingTo("0.2592592593");
        assertThat(scored.get("C5").paretoShare()).isEqualByComparingTo("0.6666666667");
        assertThat(scored.get("C3").paretoShare()).isEqualByComparingTo("0.7777777778");
        assertThat(scored.get("C4").paretoShare()).isEqualByComparingTo("0.8888888889");
        assertThat(scored.get("C1").paretoShare()).isEqualByComparingTo("1");
        assertThat(scored.get("C8").paretoShare()).isEqualByComparingTo("1");
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
    void aSingleEvaluationIsScoredAgainstTheLatestRunsCutoffs() {
        long run = sevenBuyersAndAProspect();

        CustomerFacts c7 = facts.factsFor("C7", AS_OF).orElseThrow();
        CustomerFacts c1 = facts.factsFor("C1", AS_OF).orElseThrow();

        assertThat(c7.mScore()).isEqualTo(5);
        assertThat(c7.rScore()).isEqualTo(1);
        assertThat(c7.paretoShare()).isEqualByComparingTo("0.2592592593");
        assertThat(c1.rScore()).isEqualTo(5);
        assertThat(c1.mScore()).isEqualTo(1);
        assertThat(facts.statisticsOf(run)).get().satisfies(stats -> {
            assertThat(stats.population()).isEqualTo(7);
            assertThat(stats.customers()).isEqualTo(8);
            assertThat(stats.totalRevenue()).isEqualByComparingTo("2700");
        });
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
