package com.acme.tiering.ruleset;

import java.util.List;

/**
 * One tier of a ruleset version's catalog, as an operations manager declared it in {@code tier-catalog.xlsx}.
 *
 * @param code what rules, overrides and the API name the tier by, e.g. {@code A}
 * @param name what people read, in any language, e.g. {@code Strategic} or {@code 战略}
 * @param rank 1 for the highest tier, then 2, 3, … without gaps
 * @param colour {@code #RRGGBB} for its badge and charts, null when the catalog leaves it to the pages
 * @param replaces former codes whose customers, overrides and pending downgrades move into this tier
 */
public record Tier(String code, String name, int rank, String description, String colour, List<String> replaces) {

    public Tier {
        replaces = List.copyOf(replaces);
    }
}
