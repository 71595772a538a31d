package com.acme.tiering.facts;

import java.util.List;
import java.util.Map;

/** The four tiers, best first. */
public final class Tiers {

    public static final List<String> CODES = List.of("A", "B", "C", "D");

    private static final Map<String, String> NAMES = Map.of("A", "Strategic", "B", "Key", "C", "Standard",
            "D", "Basic");

    private Tiers() {
    }

    /** 1 for A (best) to 4 for D; unknown codes rank below all. */
    public static int rank(String tier) {
        int index = CODES.indexOf(tier);
        return index < 0 ? CODES.size() + 1 : index + 1;
    }

    public static String name(String tier) {
        return NAMES.getOrDefault(tier, tier);
    }
}
