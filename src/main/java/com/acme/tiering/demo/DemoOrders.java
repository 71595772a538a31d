package com.acme.tiering.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import com.acme.tiering.demo.DemoCustomer.Order;

/** Order histories per archetype: when a customer buys, how often, and for how much. */
final class DemoOrders {

    private final SplittableRandom random;
    private final LocalDate today;
    private final List<Order> orders = new ArrayList<>();

    DemoOrders(SplittableRandom random, LocalDate today) {
        this.random = random;
        this.today = today;
    }

    List<Order> forArchetype(Archetype archetype) {
        switch (archetype) {
            case STRATEGIC -> series(between(1, 20), between(500, 900), between(12, 25), pareto(4000, 1.6, 60000));
            case KEY_IRREGULAR -> series(between(10, 60), 720, between(90, 150), uniform(20000, 60000));
            case KEY -> series(between(5, 40), 720, between(40, 70), uniform(2000, 8000));
            case FAST_GROWER -> {
                series(between(380, 420), between(600, 720), between(60, 90), uniform(1500, 2500));
                series(between(3, 30), 360, between(35, 60), uniform(3000, 6000));
            }
            case DECLINING -> {
                series(between(190, 200), 360, between(25, 35), uniform(3000, 5000));
                series(between(20, 150), 180, between(80, 200), uniform(500, 1500));
                series(between(400, 420), between(600, 720), between(60, 120), uniform(2000, 4000));
            }
            case LAPSED_FREQUENT -> series(between(60, 150), between(500, 700), between(10, 20), uniform(500, 3000));
            case STEADY_SMALL -> series(between(1, 80), between(200, 1500), between(45, 120), uniform(100, 1500));
            case OCCASIONAL -> series(between(20, 300), between(400, 1200), between(150, 300), uniform(200, 2000));
            case NEW -> series(between(2, 40), between(40, 85), between(20, 40), uniform(300, 3000));
            case COOLING -> series(between(95, 175), between(400, 1200), between(60, 120), uniform(200, 1500));
            case DORMANT -> series(between(185, 360), between(500, 1200), between(60, 150), uniform(200, 1500));
            case LOST -> series(between(370, 900), between(950, 1500), between(60, 200), uniform(200, 1500));
            case PROSPECT -> {
            }
        }
        orders.sort(Comparator.comparing(Order::date));
        List<Order> numbered = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i);
            numbered.add(new Order(String.format("ORD-%04d", i + 1), order.date(), order.amount()));
        }
        return numbered;
    }

    private interface Amount {
        double next();
    }

    /** Orders from {@code newest} days ago back to {@code oldest} days ago, about every {@code gap} days. */
    private void series(int newest, int oldest, int gap, Amount amount) {
        for (int daysAgo = newest; daysAgo <= oldest; daysAgo += Math.max(1, (int) (gap * (0.7 + 0.6 * random.nextDouble())))) {
            orders.add(new Order(null, today.minusDays(daysAgo), DemoDataGenerator.money(amount.next())));
        }
    }

    private int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    private Amount uniform(double low, double high) {
        return () -> low + (high - low) * random.nextDouble();
    }

    /** Heavy-tailed amounts: most orders near the minimum, a few far above, as key-account revenue is. */
    private Amount pareto(double minimum, double alpha, double cap) {
        return () -> Math.min(cap, minimum / Math.pow(1 - random.nextDouble(), 1 / alpha));
    }
}
