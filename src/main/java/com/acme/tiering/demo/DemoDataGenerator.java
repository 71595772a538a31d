package com.acme.tiering.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import com.acme.tiering.demo.DemoCustomer.Interaction;
import com.acme.tiering.demo.DemoCustomer.Order;

/**
 * A deterministic, realistic customer base: the same seed and date always give the same data, and each
 * customer depends only on the seed and its number, so the data can be produced in chunks of any size
 * with constant memory.
 */
public final class DemoDataGenerator {

    private static final String[] PREFIXES = { "Alpine", "Blue", "Cedar", "Delta", "Evergreen", "Falcon", "Granite",
        "Harbor", "Iron", "Juniper", "Keystone", "Lumen", "Maple", "Nordic", "Orbit", "Pioneer", "Quartz", "River",
        "Summit", "Tidal", "Union", "Vertex", "Willow", "Zenith" };
    private static final String[] NOUNS = { "Logistics", "Foods", "Components", "Pharma", "Textiles", "Machining",
        "Retail", "Energy", "Software", "Builders", "Optics", "Plastics", "Farms", "Motors", "Labs", "Print" };
    private static final String[] SUFFIXES = { "GmbH", "Ltd", "Inc", "AG", "SA", "Group", "& Co", "BV" };
    private static final String[] INDUSTRIES = { "Manufacturing", "Retail", "Healthcare", "Construction",
        "Logistics", "Technology", "Food & Beverage", "Energy" };
    private static final String[] REGIONS = { "North", "South", "East", "West", "Central" };
    private static final String[] OWNERS = { "Alex Morgan", "Sam Lee", "Robin Patel", "Jamie Chen", "Taylor Novak",
        "Morgan Silva", "Casey Brandt", "Jordan Okafor" };

    private final long seed;
    private final LocalDate today;

    public DemoDataGenerator(long seed, LocalDate today) {
        this.seed = seed;
        this.today = today;
    }

    public static String customerId(int number) {
        return String.format("CUST-%05d", number);
    }

    /** Generates customers 1..count and hands them over in chunks. */
    public void generate(int count, int chunkSize, Consumer<List<DemoCustomer>> chunks) {
        List<DemoCustomer> chunk = new ArrayList<>(chunkSize);
        for (int number = 1; number <= count; number++) {
            chunk.add(customer(number));
            if (chunk.size() == chunkSize) {
                chunks.accept(chunk);
                chunk = new ArrayList<>(chunkSize);
            }
        }
        if (!chunk.isEmpty()) {
            chunks.accept(chunk);
        }
    }

    public DemoCustomer customer(int number) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + number);
        Archetype archetype = Archetype.pick(random.nextInt(Archetype.totalWeight()));
        String id = customerId(number);
        List<Order> orders = new DemoOrders(random, today).forArchetype(archetype);
        List<Interaction> interactions = new DemoInteractions(random, today).forArchetype(archetype, !orders.isEmpty());
        String name = PREFIXES[random.nextInt(PREFIXES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)] + " "
                + SUFFIXES[random.nextInt(SUFFIXES.length)];
        Integer employees = random.nextInt(10) == 0 ? null : employees(random, archetype);
        String owner = random.nextInt(12) == 0 ? null : OWNERS[random.nextInt(OWNERS.length)];
        return new DemoCustomer(id, name, INDUSTRIES[random.nextInt(INDUSTRIES.length)],
                REGIONS[random.nextInt(REGIONS.length)], employees, owner, archetype.name(), orders, interactions);
    }

    private static int employees(SplittableRandom random, Archetype archetype) {
        int base = switch (archetype) {
            case STRATEGIC, KEY_IRREGULAR -> 2000;
            case KEY, FAST_GROWER, DECLINING -> 400;
            default -> 40;
        };
        return base / 4 + random.nextInt(base * 2);
    }

    static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
