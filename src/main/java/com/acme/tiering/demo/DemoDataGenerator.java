package com.acme.tiering.demo;

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

    /** Salts the seed of the relationshipDepth stream, so that it is not the customer's own stream. */
    private static final long RELATIONSHIP_STREAM = 0x5EED_DE97L;

    private final long seed;
    private final SeasonalCalendar calendar;
    private final int idDigits;

    /** Customer ids with five digits, CUST-00001, as the demo and the README use them. */
    public DemoDataGenerator(long seed, LocalDate today) {
        this(seed, today, 5);
    }

    /** @param idDigits width of the zero-padded customer number, so that ids sort in generation order */
    public DemoDataGenerator(long seed, LocalDate today, int idDigits) {
        this.seed = seed;
        this.calendar = new SeasonalCalendar(today);
        this.idDigits = idDigits;
    }

    /** The id width that keeps customers up to {@code lastNumber} in order: at least five digits. */
    public static int idDigits(long lastNumber) {
        return Math.max(5, Long.toString(lastNumber).length());
    }

    public String customerId(long number) {
        return padded("CUST-", number, idDigits);
    }

    /** Generates customers 1..count and hands them over in chunks. */
    public void generate(int count, int chunkSize, Consumer<List<DemoCustomer>> chunks) {
        for (long first = 1; first <= count; first += chunkSize) {
            chunks.accept(customers(first, (int) Math.min(chunkSize, count - first + 1)));
        }
    }

    /** Customers {@code first} .. {@code first + count - 1}. */
    public List<DemoCustomer> customers(long first, int count) {
        List<DemoCustomer> customers = new ArrayList<>(count);
        for (long number = first; number < first + count; number++) {
            customers.add(customer(number));
        }
        return customers;
    }

    /** Customer {@code number}, which depends only on the seed, the date and the number. */
    public DemoCustomer customer(long number) {
        SplittableRandom random = new SplittableRandom(mix(seed ^ mix(number)));
        Archetype archetype = Archetype.pick(random.nextInt(Archetype.totalWeight()));
        String id = customerId(number);
        List<Order> orders = new DemoOrders(random, calendar).forArchetype(archetype);
        List<Interaction> interactions = new DemoInteractions(random, calendar)
                .forArchetype(archetype, !orders.isEmpty());
        String name = PREFIXES[random.nextInt(PREFIXES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)] + " "
                + SUFFIXES[random.nextInt(SUFFIXES.length)];
        Integer employees = random.nextInt(10) == 0 ? null : employees(random, archetype);
        String owner = random.nextInt(12) == 0 ? null : OWNERS[random.nextInt(OWNERS.length)];
        return new DemoCustomer(id, name, INDUSTRIES[random.nextInt(INDUSTRIES.length)],
                REGIONS[random.nextInt(REGIONS.length)], employees, owner, archetype.name(), orders, interactions,
                relationshipDepth(number, archetype));
    }

    /**
     * Who our contact is in the customer's organisation (the shipped attribute relationshipDepth): mostly the one who
     * decides at large accounts, a user at small ones, none known for one customer in ten. Drawn from a stream of its
     * own, derived from (seed, number) like the customer's, so everything else is what it was before the attribute.
     */
    private String relationshipDepth(long number, Archetype archetype) {
        SplittableRandom random = new SplittableRandom(mix(mix(seed ^ RELATIONSHIP_STREAM) ^ mix(number)));
        if (random.nextInt(10) == 0) {
            return null;
        }
        int[] decisionMakerInfluencer = switch (archetype.size) {
            case LARGE -> new int[] { 60, 30 };
            case MEDIUM -> new int[] { 40, 40 };
            case SMALL -> new int[] { 20, 40 };
            case NONE -> new int[] { 10, 30 };
        };
        int roll = random.nextInt(100);
        return roll < decisionMakerInfluencer[0] ? "DECISION_MAKER"
                : roll < decisionMakerInfluencer[0] + decisionMakerInfluencer[1] ? "INFLUENCER" : "USER";
    }

    private static int employees(SplittableRandom random, Archetype archetype) {
        int base = switch (archetype.size) {
            case LARGE -> 2000;
            case MEDIUM -> 400;
            default -> 40;
        };
        return base / 4 + random.nextInt(base * 2);
    }

    /** {@code prefix} and {@code number} zero-padded to {@code digits}; String.format is too slow for millions. */
    static String padded(String prefix, long number, int digits) {
        String value = Long.toString(number);
        StringBuilder id = new StringBuilder(prefix.length() + Math.max(digits, value.length())).append(prefix);
        for (int i = value.length(); i < digits; i++) {
            id.append('0');
        }
        return id.append(value).toString();
    }

    /** Murmur3's 64-bit finaliser: neighbouring seeds and numbers give unrelated random streams. */
    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
