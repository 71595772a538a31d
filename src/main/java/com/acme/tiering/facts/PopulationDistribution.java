package com.acme.tiering.facts;

import java.math.BigDecimal;

import com.acme.tiering.facts.FactsQueries.RunEntry;
import com.acme.tiering.facts.FactsQueries.Scores;

/**
 * A run's population as PRODUCT.md §5 orders it, to place one customer among it exactly between runs: the run's
 * population with this customer's own entry (if it had one) replaced by its current values. An unchanged customer
 * so gets the counts and sums the run's SQL found for it, and the same scores and share; a customer new since the
 * run adds one to the population and its revenue to the total.
 *
 * @param buyers the customers with at least one order (the RFM population)
 * @param totalRevenue all customers' revenueLast12m
 * @param lastOrders the buyers' last order dates, as epoch days: recency is ordered by date, so an unchanged
 *        customer evaluated on a later day keeps its place
 * @param orders the buyers' ordersLast12m
 * @param revenues the buyers' revenueLast12m in cents (customers without orders have none)
 */
record PopulationDistribution(long runId, long buyers, BigDecimal totalRevenue, ValueLadder lastOrders,
        ValueLadder orders, ValueLadder revenues) {

    /** The scores and share of a customer with these current facts, whose entry in the run was {@code own}. */
    Scores place(CustomerFacts current, RunEntry own) {
        BigDecimal ownRevenue = own == null ? BigDecimal.ZERO : own.revenueLast12m();
        BigDecimal revenue = current.revenueLast12m();
        long aboveCents = revenues.position(cents(revenue)).weightAbove()
                - (ownRevenue.compareTo(revenue) > 0 ? cents(ownRevenue) : 0);
        BigDecimal share = PopulationFormulas.paretoShare(BigDecimal.valueOf(aboveCents, 2),
                totalRevenue.subtract(ownRevenue).add(revenue));
        if (current.firstOrderDate() == null) {
            return new Scores(current.customerId(), null, null, null, share);
        }
        boolean wasBuyer = own != null && own.lastOrderDate() != null;
        long population = buyers - (wasBuyer ? 1 : 0) + 1;
        long lastOrder = current.asOf().minusDays(current.recencyDays()).toEpochDay();
        long rWorse = lastOrders.position(lastOrder).below()
                - (wasBuyer && own.lastOrderDate().toEpochDay() < lastOrder ? 1 : 0);
        long fWorse = orders.position(current.ordersLast12m()).below()
                - (wasBuyer && own.ordersLast12m() < current.ordersLast12m() ? 1 : 0);
        long mWorse = revenues.position(cents(revenue)).below()
                - (wasBuyer && own.revenueLast12m().compareTo(revenue) < 0 ? 1 : 0);
        return new Scores(current.customerId(), PopulationFormulas.rfmScore(rWorse, population),
                PopulationFormulas.rfmScore(fWorse, population), PopulationFormulas.rfmScore(mWorse, population),
                share);
    }

    /** The memory the distribution holds, in bytes. */
    long bytes() {
        return lastOrders.bytes() + orders.bytes() + revenues.bytes();
    }

    static long cents(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }
}
