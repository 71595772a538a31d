package com.acme.tiering.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.acme.tiering.facts.FactsQueries.CustomerRow;
import com.acme.tiering.facts.FactsQueries.InteractionAggregate;
import com.acme.tiering.facts.FactsQueries.OrderAggregate;
import com.acme.tiering.facts.FactsQueries.Scores;

/**
 * The facts of PRODUCT.md §3 from one customer's aggregated rows. Ratios keep {@link FactPrecision}'s digits:
 * the rules compare them unrounded, and explanations, pages and exports round them for people.
 */
final class FactDerivation {

    private FactDerivation() {
    }

    /** The facts without the population-relative ones (RFM scores, paretoShare), which {@link #scored} adds. */
    static CustomerFacts derive(CustomerRow c, OrderAggregate o, InteractionAggregate i, Integer nps,
            LocalDate asOf) {
        LocalDate first = o == null ? null : o.firstOrder();
        int orders12 = o == null ? 0 : o.orders12();
        BigDecimal rev12 = money(o == null ? null : o.rev12());
        BigDecimal prev12 = money(o == null ? null : o.revPrev12());
        return new CustomerFacts(c.customerId(), c.name(), c.industry(), c.region(), c.employees(), c.accountOwner(),
                asOf, first, daysBetween(first, asOf), first == null ? 0 : (int) ChronoUnit.MONTHS.between(first, asOf),
                daysBetween(o == null ? null : o.lastOrder(), asOf), orders12, rev12, prev12, growth(rev12, prev12),
                money(o == null ? null : o.rev6()), money(o == null ? null : o.revPrev6()),
                orders12 == 0 ? null : FactPrecision.ratio(rev12, BigDecimal.valueOf(orders12)),
                interOrderDays(o), i == null ? 0 : i.complaints90(), i == null ? 0 : i.openTickets(),
                daysBetween(i == null ? null : i.lastContact(), asOf), nps, i == null ? 0 : i.referrals12(),
                null, null, null, null, c.tier(), c.tierSince(), c.downgradePendingSince());
    }

    static CustomerFacts scored(CustomerFacts f, Scores s) {
        return new CustomerFacts(f.customerId(), f.name(), f.industry(), f.region(), f.employees(), f.accountOwner(),
                f.asOf(), f.firstOrderDate(), f.daysSinceFirstOrder(), f.tenureMonths(), f.recencyDays(),
                f.ordersLast12m(), f.revenueLast12m(), f.revenuePrev12m(), f.revenueGrowthPct(), f.revenueLast6m(),
                f.revenuePrev6m(), f.avgOrderValue12m(), f.avgInterOrderDays(), f.complaintsLast90d(),
                f.openTickets(), f.lastContactDays(), f.latestNps(), f.referralsLast12m(), s.rScore(), s.fScore(),
                s.mScore(), s.paretoShare(), f.currentTier(), f.currentTierSince(), f.downgradePendingSince(),
                f.attributes());
    }

    /** (last − prev) / prev × 100, unknown when there was nothing the year before. */
    private static BigDecimal growth(BigDecimal last, BigDecimal previous) {
        if (previous.signum() == 0) {
            return null;
        }
        return FactPrecision.ratio(last.subtract(previous).multiply(BigDecimal.valueOf(100)), previous);
    }

    /** The mean gap between consecutive orders of the last 730 days is (last − first) / (n − 1). */
    private static BigDecimal interOrderDays(OrderAggregate o) {
        if (o == null || o.orders24() < 2) {
            return null;
        }
        return FactPrecision.ratio(BigDecimal.valueOf(ChronoUnit.DAYS.between(o.first24(), o.last24())),
                BigDecimal.valueOf(o.orders24() - 1L));
    }

    private static Integer daysBetween(LocalDate from, LocalDate asOf) {
        return from == null ? null : (int) ChronoUnit.DAYS.between(from, asOf);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2, RoundingMode.HALF_UP);
    }
}
