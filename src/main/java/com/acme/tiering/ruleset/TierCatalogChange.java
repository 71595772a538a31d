package com.acme.tiering.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What putting one tier catalog in force in place of another does to the tiers, as a migration: tiers renamed
 * (same code, another name), added, removed (with the tier that takes their customers through its Replaces cell, if
 * any) and re-ranked, and every former code the new catalog maps by Replaces. A value computed from the two catalogs
 * alone; what it does to customers, overrides and pending downgrades is governance's to count.
 *
 * @param mapped former code → the code of the tier whose Replaces cell lists it, as the new catalog says
 */
public record TierCatalogChange(List<Renamed> renamed, List<Added> added, List<Removed> removed,
        List<ReRanked> reRanked, Map<String, String> mapped) {

    /** A tier keeps its code under another name: e.g. B, Key → Gold. */
    public record Renamed(String code, String from, String to) {
    }

    /** @param replaces the former codes it takes the customers of (its Replaces cell) */
    public record Added(String code, String name, int rank, List<String> replaces) {
    }

    /** @param replacedBy the code of the tier that replaces it, null when no tier lists it in Replaces */
    public record Removed(String code, String name, int rank, String replacedBy) {

        public boolean mapped() {
            return replacedBy != null;
        }
    }

    public record ReRanked(String code, int from, int to) {
    }

    public TierCatalogChange {
        renamed = List.copyOf(renamed);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        reRanked = List.copyOf(reRanked);
        mapped = Map.copyOf(mapped);
    }

    /** The change from the catalog in force to the next one, each list in the rank order of its catalog. */
    public static TierCatalogChange between(TierCatalog inForce, TierCatalog next) {
        List<Renamed> renamed = new ArrayList<>();
        List<Added> added = new ArrayList<>();
        List<Removed> removed = new ArrayList<>();
        List<ReRanked> reRanked = new ArrayList<>();
        for (Tier tier : inForce.byRank()) {
            next.tier(tier.code()).ifPresentOrElse(kept -> {
                if (!kept.name().equals(tier.name())) {
                    renamed.add(new Renamed(tier.code(), tier.name(), kept.name()));
                }
                if (kept.rank() != tier.rank()) {
                    reRanked.add(new ReRanked(tier.code(), tier.rank(), kept.rank()));
                }
            }, () -> removed.add(new Removed(tier.code(), tier.name(), tier.rank(),
                    next.replacing(tier.code()).map(Tier::code).orElse(null))));
        }
        next.byRank().stream().filter(tier -> !inForce.contains(tier.code()))
                .forEach(tier -> added.add(new Added(tier.code(), tier.name(), tier.rank(), tier.replaces())));
        return new TierCatalogChange(renamed, added, removed, reRanked, next.replacements());
    }

    /** Whether the two catalogs are the same tiers under the same names and ranks. */
    public boolean changesNothing() {
        return renamed.isEmpty() && added.isEmpty() && removed.isEmpty() && reRanked.isEmpty();
    }

    /** The removed tiers no tier of the new catalog replaces: their customers have no tier to move into. */
    public List<Removed> unmapped() {
        return removed.stream().filter(r -> !r.mapped()).toList();
    }

    /** The removed codes, mapped or not. */
    public List<String> removedCodes() {
        return removed.stream().map(Removed::code).toList();
    }

    /**
     * A finding about the mapping of removed tiers, pinned where it is made: the Replaces column of the catalog sheet
     * among these rule files, e.g. {@code tier-catalog.xlsx › TierCatalog › Replaces}.
     */
    public static Finding atReplaces(List<RuleFile> files, String message, String hint) {
        RuleFile catalog = files.stream().filter(TierCatalogReader::isCatalog).findFirst().orElse(null);
        String file = catalog == null ? TierCatalogReader.TABLE + ".xlsx" : catalog.name();
        String sheet = catalog != null && catalog.kind() == RuleFile.Kind.CSV ? null : TierCatalogReader.SHEET;
        return Finding.error(file, sheet, "Replaces", null, message, hint);
    }
}
