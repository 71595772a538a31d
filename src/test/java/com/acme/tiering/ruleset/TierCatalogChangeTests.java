package com.acme.tiering.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.acme.tiering.support.TierCatalogs;

/** The change from one tier catalog to another, as the simulation lists it and the decision path applies it. */
class TierCatalogChangeTests {

    private static final TierCatalog SHIPPED = catalog(
            tier("A", "Strategic", 1), tier("B", "Key", 2), tier("C", "Standard", 3), tier("D", "Basic", 4));

    @Test
    void theSameCatalogChangesNothing() {
        TierCatalogChange change = TierCatalogChange.between(SHIPPED, catalog(
                tier("A", "Strategic", 1), tier("B", "Key", 2), tier("C", "Standard", 3), tier("D", "Basic", 4)));

        assertThat(change.changesNothing()).isTrue();
        assertThat(change.mapped()).isEmpty();
    }

    @Test
    void aNewNameForACodeIsARename() {
        TierCatalogChange change = TierCatalogChange.between(SHIPPED, catalog(
                tier("A", "Strategic", 1), tier("B", "Gold", 2), tier("C", "Standard", 3), tier("D", "Basic", 4)));

        assertThat(change.renamed()).containsExactly(new TierCatalogChange.Renamed("B", "Key", "Gold"));
        assertThat(change.added()).isEmpty();
        assertThat(change.removed()).isEmpty();
        assertThat(change.reRanked()).isEmpty();
        assertThat(change.changesNothing()).isFalse();
    }

    @Test
    void aTierInsertedBetweenTwoIsAddedAndReRanksTheOnesBelowIt() {
        TierCatalogChange change = TierCatalogChange.between(SHIPPED, catalog(tier("A", "Strategic", 1),
                tier("B", "Key", 2), tier("C", "Standard", 3), tier("E", "Dormant", 4), tier("D", "Basic", 5)));

        assertThat(change.added()).containsExactly(new TierCatalogChange.Added("E", "Dormant", 4, List.of()));
        assertThat(change.reRanked()).containsExactly(new TierCatalogChange.ReRanked("D", 4, 5));
        assertThat(change.removed()).isEmpty();
        assertThat(change.renamed()).isEmpty();
    }

    @Test
    void aRemovedTierNamesTheTierWhoseReplacesCellListsIt() {
        TierCatalogChange change = TierCatalogChange.between(SHIPPED, catalog(tier("A", "Strategic", 1),
                tier("B", "Key", 2), tier("S", "Select", 3, "C"), tier("D", "Basic", 4)));

        assertThat(change.removed()).containsExactly(new TierCatalogChange.Removed("C", "Standard", 3, "S"));
        assertThat(change.added()).containsExactly(new TierCatalogChange.Added("S", "Select", 3, List.of("C")));
        assertThat(change.mapped()).isEqualTo(Map.of("C", "S"));
        assertThat(change.unmapped()).isEmpty();
        assertThat(change.removedCodes()).containsExactly("C");
    }

    @Test
    void aRemovedTierNoTierReplacesIsUnmapped() {
        TierCatalogChange change = TierCatalogChange.between(SHIPPED, catalog(
                tier("A", "Strategic", 1), tier("B", "Key", 2), tier("D", "Basic", 3)));

        assertThat(change.unmapped()).containsExactly(new TierCatalogChange.Removed("C", "Standard", 3, null));
        assertThat(change.unmapped().get(0).mapped()).isFalse();
        assertThat(change.reRanked()).containsExactly(new TierCatalogChange.ReRanked("D", 4, 3));
    }

    @Test
    void twoTiersMergedIntoOneAreBothMappedToIt() {
        TierCatalogChange change = TierCatalogChange.between(SHIPPED, catalog(
                tier("A", "Strategic", 1), tier("B", "Key", 2), tier("M", "Mass market", 3, "C", "D")));

        assertThat(change.removed()).extracting(TierCatalogChange.Removed::replacedBy).containsExactly("M", "M");
        assertThat(change.mapped()).isEqualTo(Map.of("C", "M", "D", "M"));
    }

    @Test
    void aCatalogGivesAFormerCodeTheTierThatReplacesItAndLeavesOtherCodesAsTheyAre() {
        TierCatalog next = catalog(tier("A", "Strategic", 1), tier("S", "Select", 2, "C"));

        assertThat(next.inForce("C")).isEqualTo("S");
        assertThat(next.replacing("C")).map(Tier::code).contains("S");
        assertThat(next.inForce("S")).isEqualTo("S");
        assertThat(next.replacing("S")).isEmpty();
        assertThat(next.inForce("X")).as("a code nobody replaces").isEqualTo("X");
        assertThat(next.inForce(null)).isNull();
        assertThat(next.replacements()).isEqualTo(Map.of("C", "S"));
    }

    @Test
    void aFindingAboutTheMappingNamesTheCatalogsReplacesColumn() {
        Finding finding = TierCatalogChange.atReplaces(List.of(TierCatalogs.catalog(TierCatalogs.SHIPPED)),
                "tier C (Standard) is removed", "list C");
        Finding csv = TierCatalogChange.atReplaces(List.of(new RuleFile("tier-catalog.csv", new byte[0])),
                "tier C (Standard) is removed", null);

        assertThat(finding.location()).isEqualTo("tier-catalog.xlsx › TierCatalog › Replaces");
        assertThat(csv.location()).isEqualTo("tier-catalog.csv › Replaces");
    }

    private static Tier tier(String code, String name, int rank, String... replaces) {
        return new Tier(code, name, rank, null, null, List.of(replaces));
    }

    private static TierCatalog catalog(Tier... tiers) {
        return new TierCatalog(List.of(tiers));
    }
}
