package com.acme.tiering.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import com.acme.tiering.demo.DemoCustomer.Order;

/**
 * Order histories per archetype: when a customer buys and how often (seasonally), and for how much (its
 * annual spend, drawn from a Pareto curve, spread over its orders).
 */
final class DemoOrders {

    // alpha 1.16 is the 80/20 curve: the top fifth of buyers spends about four fifths.
    private static final double PARETO_ALPHA = 1.16;
    private static final double MIN_ANNUAL_SPEND = 2_000;
    private static final double MAX_ANNUAL_SPEND = 20_000_000;
    // A declining account must have bought enough for REVENUE_DECLINE to notice (revenuePrev6m >= 10,000).
    private static final double MIN_DECLINING_SPEND = 30_000;

    private final SplittableRandom random;
    private final SeasonalCalendar calendar;
    private final List<Order> orders = new ArrayList<>();

    DemoOrders(SplittableRandom random, SeasonalCalendar calendar) {
        this.random = random;
        this.calendar = calendar;
    }

    List<Order> forArchetype(Archetype archetype) {
        double spend = annualSpend(archetype);
        switch (archetype) {
            case STRATEGIC -> series(between(1, 20), between(500, 900), between(12, 25), spend);
            case KEY_IRREGULAR -> series(between(10, 60), 720, between(90, 150), spend);
            case KEY -> series(between(5, 40), 720, between(40, 70), spend);
            case FAST_GROWER -> {
                series(between(3, 30), 360, between(35, 60), spend);
                series(between(380, 420), between(600, 720), between(60, 90), spend * 0.3);
            }
            case DECLINING -> {
                double before = Math.max(spend, MIN_DECLINING_SPEND);
                series(between(20, 150), 180, between(80, 200), before * 0.15);
                series(between(190, 200), 360, between(25, 35), before);
                series(between(400, 420), between(600, 720), between(60, 120), before * 0.8);
            }
            case LAPSED_FREQUENT -> series(between(60, 150), between(500, 700), between(10, 20), spend);
            case STEADY_SMALL -> series(between(1, 80), between(200, 1500), between(45, 120), spend);
            case OCCASIONAL -> series(between(20, 300), between(400, 1200), between(150, 300), spend);
            case NEW -> series(between(2, 40), between(40, 85), between(20, 40), spend);
            case COOLING -> series(between(95, 175), between(400, 1200), between(60, 120), spend);
            case DORMANT -> series(between(185, 360), between(500, 1200), between(60, 150), spend);
            case LOST -> series(between(370, 900), between(950, 1500), between(60, 200), spend);
            case PROSPECT -> {
            }
        }
        return numbered();
    }

    /** One draw from the Pareto curve, within the band of the archetype's size class. */
    private double annualSpend(Archetype archetype) {
        double quantile = archetype.spendQuantile(random.nextDouble());
        return Math.min(MAX_ANNUAL_SPEND, MIN_ANNUAL_SPEND / Math.pow(1 - quantile, 1 / PARETO_ALPHA));
    }

    /**
     * Orders from {@code newest} days ago back to {@code oldest} days ago, about every {@code gap} days of
     * average business (closer together in busy months); each about the share of the annual spend its gap covers.
     */
    private void series(int newest, int oldest, int gap, double annualSpend) {
        double perOrder = annualSpend * gap / 365;
        int daysAgo = newest;
        while (daysAgo <= oldest) {
            orders.add(new Order(null, calendar.date(daysAgo), money(perOrder * (0.5 + random.nextDouble()))));
            daysAgo = calendar.before(daysAgo, gap * (0.7 + 0.6 * random.nextDouble()));
        }
    }

    private List<Order> numbered() {
        orders.sort(Comparator.comparing(Order::date));
        List<Order> numbered = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i);
            numbered.add(new Order(DemoDataGenerator.padded("ORD-", i + 1, 4), order.date(), order.amount()));
        }
        return numbered;
    }

    private int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(Math.round(amount * 100), 2);
    }
}
