package com.acme.tiering.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.acme.tiering.customer.CustomerDetails;
import com.acme.tiering.customer.Customers;
import com.acme.tiering.customer.NewOrder;
import com.acme.tiering.decision.Decision;
import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.run.DecisionsBetweenRunsTests.Decided;
import com.acme.tiering.support.FullRun;
import com.acme.tiering.support.ServiceTest;
import com.acme.tiering.support.TieringApi;

/**
 * A full run as PRODUCT.md §5 now reads: the top customer is at the start of the revenue curve however much it
 * makes, and customers with equal facts get equal decisions whatever their ids.
 */
@ServiceTest
class EqualStandingTests {

    @Autowired
    Customers customers;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    DecisionQueries decisions;

    @Autowired
    CustomerEvaluation evaluation;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TieringApi api;

    private void buyer(String id, int orders, String amount) {
        LocalDate today = api.today();
        customers.upsert(id, new CustomerDetails("Customer " + id, "Retail", "North", 10, "Kim Rep"));
        customers.recordOrders(id, IntStream.range(0, orders).mapToObj(i -> new NewOrder(id + "-" + i,
                today.minusDays(7 + 29L * i), new BigDecimal(amount))).toList());
    }

    /**
     * WHALE makes 13,800 of 15,000 (92%); two twins (in id order first and last) and six others make 150 each.
     */
    @Test
    void theTopCustomerIsStrategicAndEqualCustomersDecideEquallyAfterAFullRun() throws InterruptedException {
        api.emptyDatabase();
        buyer("A-TWIN", 1, "150");
        buyer("WHALE", 12, "1150");
        IntStream.rangeClosed(1, 6).forEach(i -> buyer("OTHER-" + i, 1, "150"));
        buyer("Z-TWIN", 1, "150");

        FullRun.completed(runs);
        Decision whale = decisions.currentOrThrow("WHALE");
        Decision first = decisions.currentOrThrow("A-TWIN");
        Decision last = decisions.currentOrThrow("Z-TWIN");

        assertThat(whale.facts().paretoShare()).isEqualByComparingTo("0");
        assertThat(whale.tier()).isEqualTo("A");
        assertThat(first.facts().paretoShare()).isEqualByComparingTo("0.92");
        assertThat(Decided.of(first)).isEqualTo(Decided.of(last))
                .isEqualTo(Decided.of(decisions.currentOrThrow("OTHER-3")));
        assertThat(Decided.of(evaluation.evaluateOnRequest("Z-TWIN"))).isEqualTo(Decided.of(first));
        assertThat(Decided.of(evaluation.evaluateOnRequest("WHALE"))).isEqualTo(Decided.of(whale));
        // all ordered last on the same day: nobody is worse on recency, so all score 1, the worst score
        assertThat(List.of(first.facts().rScore(), first.facts().fScore(), first.facts().mScore()))
                .containsExactly(1, 1, 1);
        assertThat(whale.facts().rScore()).isEqualTo(1);
        assertThat(whale.facts().mScore()).isEqualTo(5);
    }
}
