package com.acme.tiering.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.acme.tiering.facts.CustomerFacts;

/**
 * Customers whose facts reach every tier row, tier-policy branch, lifecycle stage, RFM segment, churn
 * trigger and service plan, built from a seed so that every run (tests and benchmarks) sees the same ones.
 */
final class VariedCustomers {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

    private static final String[] TIERS = { "A", "B", "C", "D" };
    private static final String[] INDUSTRIES = { "Retail", "Manufacturing", "Logistics", "Healthcare", "Software" };
    private static final String[] REGIONS = { "EU", "UK", "US", "APAC" };
    /** Pareto shares on and around the tier table's thresholds, so the boundaries are crossed both ways. */
    private static final String[] SHARES = { "0.05", "0.35", "0.69", "0.70", "0.71", "0.84", "0.90", "0.91", "0.97",
            "1.0" };

    private VariedCustomers() {
    }

    static List<CustomerFacts> of(int count, long seed) {
        Random random = new Random(seed);
        List<CustomerFacts> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            customers.add(customer(String.format("BENCH-%05d", i), random));
        }
        return List.copyOf(customers);
    }

    private static CustomerFacts customer(String id, Random random) {
        boolean ordered = random.nextInt(100) >= 8;
        LocalDate firstOrder = ordered ? AS_OF.minusDays(5 + random.nextInt(1500)) : null;
        Integer sinceFirst = ordered ? (int) ChronoUnit.DAYS.between(firstOrder, AS_OF) : null;
        Integer recency = ordered ? Math.min(sinceFirst, random.nextInt(random.nextBoolean() ? 120 : 700)) : null;
        int orders = !ordered || recency > 365 ? 0 : 1 + random.nextInt(14);
        BigDecimal revenue = amount(orders * (200 + random.nextInt(6000)));
        BigDecimal previous = random.nextInt(4) == 0 ? BigDecimal.ZERO : amount(random.nextInt(60_000));
        BigDecimal growth = previous.signum() == 0 ? null
                : revenue.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous, 2, RoundingMode.HALF_UP);
        BigDecimal prev6m = amount(random.nextInt(40_000));
        BigDecimal last6m = amount(random.nextInt(40_000));
        BigDecimal interOrder = orders >= 2 ? amount(5 + random.nextInt(80)) : null;
        String currentTier = random.nextInt(10) < 3 ? null : TIERS[random.nextInt(TIERS.length)];
        LocalDate pendingSince = currentTier != null && random.nextBoolean() ? AS_OF.minusDays(random.nextInt(150))
                : null;
        return new CustomerFacts(id, "Customer " + id, INDUSTRIES[random.nextInt(INDUSTRIES.length)],
                REGIONS[random.nextInt(REGIONS.length)], 5 + random.nextInt(5000), "rep-" + random.nextInt(20),
                AS_OF, firstOrder, sinceFirst, ordered ? (int) ChronoUnit.MONTHS.between(firstOrder, AS_OF) : 0,
                recency, orders, revenue, previous, growth, last6m, prev6m,
                orders == 0 ? null : revenue.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP), interOrder,
                random.nextInt(4), random.nextInt(5), random.nextInt(5) == 0 ? null : random.nextInt(200),
                random.nextInt(3) == 0 ? null : random.nextInt(11), random.nextInt(3),
                ordered ? 1 + random.nextInt(5) : null, ordered ? 1 + random.nextInt(5) : null,
                ordered ? 1 + random.nextInt(5) : null,
                revenue.signum() == 0 ? BigDecimal.ONE : new BigDecimal(SHARES[random.nextInt(SHARES.length)]),
                currentTier, currentTier == null ? null : AS_OF.minusDays(random.nextInt(400)),
                pendingSince);
    }

    private static BigDecimal amount(int value) {
        return BigDecimal.valueOf(value);
    }
}
