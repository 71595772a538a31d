package com.acme.tiering.governance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.IntStream;

import com.acme.tiering.customer.CustomerDetails;
import com.acme.tiering.customer.Customers;
import com.acme.tiering.customer.NewOrder;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.support.FullRun;
import com.acme.tiering.support.Workbooks;

/** Customers with known Pareto shares and edited copies of the shipped tiers.xlsx. */
final class GovernanceFixtures {

    private GovernanceFixtures() {
    }

    /**
     * Shares as PRODUCT.md §5 defines them (the revenue of the customers above): G2 makes most revenue (600 of
     * 960, share 0) but buys five times a year, so Key (B); G1 buys six times for 300 with 62.5% above it, so
     * Strategic (A), and Key under a Strategic bar of 0.5; G3 buys six times for 60 with 93.75% above it (C).
     */
    static void threeCustomersEvaluated(Customers customers, EvaluationRuns runs, LocalDate today)
            throws InterruptedException {
        buyer(customers, "G1", today, 6, "50");
        buyer(customers, "G2", today, 5, "120");
        buyer(customers, "G3", today, 6, "10");
        FullRun.awaitEnded(runs, runs.start("TEST").id(), Duration.ofSeconds(30));
    }

    private static void buyer(Customers customers, String id, LocalDate today, int orders, String amount) {
        customers.upsert(id, new CustomerDetails("Customer " + id, "Retail", "North", 10, "Kim Rep"));
        customers.recordOrders(id, IntStream.range(0, orders)
                .mapToObj(i -> new NewOrder("o-" + i, today.minusDays(10L + 20 * i), new BigDecimal(amount))).toList());
    }

    /** The Strategic row's paretoShare threshold (Tiers!C11) changed: fails the scenarios that pin 0.70. */
    static RuleFile strategicThreshold(ActiveRuleset active, double value) {
        return new RuleFile("tiers.xlsx", Workbooks.withCell(tiers(active), "Tiers", 10, 2, value));
    }

    /** Only the Strategic row's description (Tiers!B11) reworded: every scenario still passes. */
    static RuleFile rewordedDescription(ActiveRuleset active, String text) {
        return new RuleFile("tiers.xlsx", Workbooks.withCell(tiers(active), "Tiers", 10, 1, text));
    }

    /** The tiers in force saved in the Excel 97 format, as LibreOffice or an older Excel saves them. */
    static RuleFile tiersAsXls(ActiveRuleset active) {
        return new RuleFile("tiers.xls", Workbooks.asXls(tiers(active)));
    }

    private static byte[] tiers(ActiveRuleset active) {
        return active.current().files().stream().filter(f -> f.name().equals("tiers.xlsx")).findFirst().orElseThrow()
                .content();
    }
}
