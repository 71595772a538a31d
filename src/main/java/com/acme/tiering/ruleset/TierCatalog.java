package com.acme.tiering.ruleset;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tiers of one ruleset version, highest first: what every room above {@code ruleset/} asks when it needs a
 * tier's name, rank or colour, instead of knowing the tiers itself. Immutable, like the version it belongs to.
 */
public final class TierCatalog {

    /** What a tier code may look like, in any catalog: it goes into rules, URLs and the API. */
    public static final String CODE = "[A-Z][A-Z0-9_]{0,15}";

    private final List<Tier> byRank;
    private final Map<String, Tier> byCode;
    private final Map<String, Tier> byFormerCode;

    /** @param tiers a valid catalog: unique codes, ranks 1..n (see {@code TierCatalogReader}) */
    public TierCatalog(List<Tier> tiers) {
        this.byRank = tiers.stream().sorted(Comparator.comparingInt(Tier::rank)).toList();
        Map<String, Tier> codes = new LinkedHashMap<>();
        byRank.forEach(tier -> codes.put(tier.code(), tier));
        this.byCode = java.util.Collections.unmodifiableMap(codes);
        Map<String, Tier> formers = new LinkedHashMap<>();
        byRank.forEach(tier -> tier.replaces().forEach(former -> formers.putIfAbsent(former, tier)));
        this.byFormerCode = java.util.Collections.unmodifiableMap(formers);
    }

    /** The tiers, highest first. */
    public List<Tier> byRank() {
        return byRank;
    }

    /** The codes, highest first. */
    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }

    public boolean contains(String code) {
        return code != null && byCode.containsKey(code);
    }

    public Optional<Tier> tier(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /**
     * The tier that takes the place of a code this catalog lacks: the one whose Replaces cell lists it. Empty for a
     * code of this catalog and for a code no tier replaces.
     */
    public Optional<Tier> replacing(String code) {
        return contains(code) || code == null ? Optional.empty() : Optional.ofNullable(byFormerCode.get(code));
    }

    /**
     * The code in force for a code a decision, override or pending downgrade was given: the code itself when this
     * catalog has it, the code of the tier that replaces it (Replaces) when one does, else the code unchanged (a
     * tier of another version, which ranks below all).
     */
    public String inForce(String code) {
        return replacing(code).map(Tier::code).orElse(code);
    }

    /** Former code → the code of the tier that replaces it, as the Replaces cells say, in rank order. */
    public Map<String, String> replacements() {
        Map<String, String> codes = new LinkedHashMap<>();
        byFormerCode.forEach((former, tier) -> codes.put(former, tier.code()));
        return codes;
    }

    /** 1 for the highest tier; a code the catalog does not know (a tier of another version) ranks below all. */
    public int rank(String code) {
        return tier(code).map(Tier::rank).orElse(byRank.size() + 1);
    }

    /** The tier's name; a code the catalog does not know is its own name. */
    public String name(String code) {
        return tier(code).map(Tier::name).orElse(code);
    }

    /** {@code #RRGGBB}, or null when the catalog gives the tier no colour or does not know it. */
    public String colour(String code) {
        return tier(code).map(Tier::colour).orElse(null);
    }

    /** The lowest tier: a customer no tier row places gets it, and a floor there changes nothing. */
    public Tier lowest() {
        return byRank.get(byRank.size() - 1);
    }

    public Tier highest() {
        return byRank.get(0);
    }

    /** Whether {@code code} ranks below {@code other}: an unknown code ranks below every known one. */
    public boolean lower(String code, String other) {
        return rank(code) > rank(other);
    }

    public int size() {
        return byRank.size();
    }

    /** The codes with their names, as a finding or a form lists them: {@code A (Strategic), B (Key)}. */
    public String describe() {
        return String.join(", ", byRank.stream().map(tier -> tier.code() + " (" + tier.name() + ")").toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TierCatalog catalog && catalog.byRank.equals(byRank);
    }

    @Override
    public int hashCode() {
        return byRank.hashCode();
    }

    @Override
    public String toString() {
        return "TierCatalog[" + describe() + "]";
    }
}
