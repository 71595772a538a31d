package com.acme.tiering.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.tiering.support.TierCatalogs;
import com.acme.tiering.support.Workbooks;

/** The tier catalog of a version: read from its workbook, every problem a finding that names the cell. */
class TierCatalogReaderTests {

    private final List<RuleFile> shipped = new RulesDirectory().read(Path.of("rules"));

    @Test
    void theShippedCatalogHasTodaysFourTiersBestFirst() {
        TierCatalog tiers = TierCatalogReader.read(shipped).catalog();

        assertThat(tiers.byRank()).extracting(t -> t.code() + " " + t.name() + " " + t.rank() + " " + t.colour())
                .containsExactly("A Strategic 1 #1F5F8B", "B Key 2 #3C8DBC", "C Standard 3 #6A9FC4", "D Basic 4 #8796A0");
        assertThat(tiers.lowest().code()).isEqualTo("D");
        assertThat(tiers.rank("C")).isEqualTo(3);
        assertThat(tiers.rank("GONE")).as("a code of another version ranks below all").isEqualTo(5);
        assertThat(tiers.name("GONE")).isEqualTo("GONE");
    }

    @Test
    void namesInAnyLanguageAndColumnsInAnyOrderAreRead() {
        String csv = "\uFEFFRank,Code,Name,Colour\n2,B,重点客户,#3c8dbc\n1,A,战略客户,\n3,C,普通客户,\n";
        TierCatalogReader.Read read = TierCatalogReader.read(new RuleFile("tier-catalog.csv",
                csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(read.findings()).isEmpty();
        assertThat(read.catalog().codes()).containsExactly("A", "B", "C");
        assertThat(read.catalog().name("A")).isEqualTo("战略客户");
        assertThat(read.catalog().colour("A")).isNull();
        assertThat(read.codeCells()).containsEntry("A", "B3");
    }

    @Test
    void aDuplicateRankNamesItsCell() {
        List<Object[]> rows = new ArrayList<>(TierCatalogs.SHIPPED);
        rows.set(2, TierCatalogs.row("C", "Standard", 2, "", "", ""));

        assertThat(findings(rows)).containsExactly(
                "tier-catalog.xlsx › TierCatalog › C4: rank 2 is given twice (first in C3)");
    }

    @Test
    void everyCellIsCheckedAndNamed() {
        List<Object[]> rows = List.of(
                TierCatalogs.row("a", "Strategic", 1, "", "#12345", ""),
                TierCatalogs.row("B", "x".repeat(61), 2, "", "", "E"),
                TierCatalogs.row("B", "", 2.5, "", "", ""),
                TierCatalogs.row("E", "Dormant", 7, "", "", "OLD, OLD2"),
                TierCatalogs.row("F", "Former", 5, "", "", "OLD"));

        assertThat(findings(rows)).containsExactlyInAnyOrder(
                "tier-catalog.xlsx › TierCatalog › A2: 'a' is not a tier code",
                "tier-catalog.xlsx › TierCatalog › E2: '#12345' is not a colour",
                "tier-catalog.xlsx › TierCatalog › B3: A tier's name is 1 to 60 characters on one line, not 61",
                "tier-catalog.xlsx › TierCatalog › A4: The code B is given twice (first in A3)",
                "tier-catalog.xlsx › TierCatalog › B4: A tier needs a name",
                "tier-catalog.xlsx › TierCatalog › C4: '2.5' is not a rank",
                "tier-catalog.xlsx › TierCatalog › C5: rank 7 leaves a gap: 5 tiers are ranked 1 to 5",
                "tier-catalog.xlsx › TierCatalog › F6: OLD is replaced by both E and F",
                "tier-catalog.xlsx › TierCatalog › F3: E is a tier of this catalog, so no tier can replace it");
    }

    @Test
    void aCatalogHasTwoToTwelveTiers() {
        assertThat(findings(List.<Object[]>of(TierCatalogs.row("A", "Only", 1, "", "", ""))))
                .containsExactly("tier-catalog.xlsx › TierCatalog › A1: A catalog has 2 to 12 tiers, not 1");
        List<Object[]> thirteen = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            thirteen.add(TierCatalogs.row("T" + i, "Tier " + i, i, "", "", ""));
        }
        assertThat(findings(thirteen))
                .containsExactly("tier-catalog.xlsx › TierCatalog › A1: A catalog has 2 to 12 tiers, not 13");
    }

    @Test
    void anUnknownColumnOrAnEmptyCatalogIsRefused() {
        byte[] renamed = Workbooks.withCell(TierCatalogs.xlsx(TierCatalogs.SHIPPED), "TierCatalog", 0, 0, "Tier");

        assertThat(TierCatalogReader.read(new RuleFile("tier-catalog.xlsx", renamed)).findings())
                .extracting(Finding::toString).first().asString()
                .startsWith("tier-catalog.xlsx › TierCatalog › A1: 'Tier' is not a column of the tier catalog");
        assertThat(TierCatalogReader.read(new RuleFile("tier-catalog.csv", new byte[0])).findings())
                .extracting(Finding::message).containsExactly("The tier catalog is empty");
    }

    @Test
    void rulesWithoutACatalogAreRefused() {
        List<RuleFile> files = shipped.stream().filter(f -> !f.name().equals("tier-catalog.xlsx")).toList();

        assertThatThrownBy(() -> new RulesetCompiler().compile(files)).isInstanceOfSatisfying(RulesetInvalid.class,
                invalid -> assertThat(invalid.findings()).extracting(Finding::toString).singleElement().asString()
                        .startsWith("tier-catalog.xlsx: The rules have no tier catalog"));
    }

    @Test
    void aTierRowNamingATierTheCatalogLacksIsAFindingOnItsCell() {
        byte[] tiers = Workbooks.withCell(file("tiers.xlsx"), "Tiers", 11, 6, "E");

        assertThatThrownBy(() -> new RulesetCompiler().compile(replaced(new RuleFile("tiers.xlsx", tiers))))
                .isInstanceOfSatisfying(RulesetInvalid.class, invalid -> assertThat(invalid.findings())
                        .extracting(Finding::toString).singleElement().asString().isEqualTo(
                                "tiers.xlsx › Tiers › G12: 'E' is not a known tier: the tier catalog has no tier E "
                                        + "(Use a tier of tier-catalog: A (Strategic), B (Key), C (Standard), D (Basic))"));
    }

    @Test
    void aTierNoPlanRowCoversIsAFindingOnItsCatalogCell() {
        List<Object[]> rows = new ArrayList<>(TierCatalogs.SHIPPED);
        rows.add(TierCatalogs.row("E", "Dormant", 5, "", "", ""));

        assertThatThrownBy(() -> new RulesetCompiler().compile(replaced(TierCatalogs.catalog(rows))))
                .isInstanceOfSatisfying(RulesetInvalid.class, invalid -> assertThat(invalid.findings())
                        .extracting(Finding::toString).singleElement().asString().startsWith(
                                "tier-catalog.xlsx › TierCatalog › A6: No service plan covers tier E (Dormant): no row "
                                        + "of service-plans.xlsx › ServicePlans names it"));
    }

    @Test
    void theCatalogIsPartOfTheVersion() {
        String shippedVersion = new RulesetCompiler().compile(shipped).version();
        CompiledRuleset renamed = new RulesetCompiler().compile(replaced(TierCatalogs.renamed("战略", "重点", "普通",
                "基础")));

        assertThat(renamed.version()).isNotEqualTo(shippedVersion);
        assertThat(renamed.tiers().name("A")).isEqualTo("战略");
        assertThat(renamed.files()).extracting(RuleFile::name).contains("tier-catalog.xlsx");
    }

    private List<RuleFile> replaced(RuleFile file) {
        List<RuleFile> files = new ArrayList<>(shipped.stream().filter(f -> !f.replaces(file)).toList());
        files.add(file);
        return files;
    }

    private byte[] file(String name) {
        return shipped.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().content();
    }

    private static List<String> findings(List<Object[]> rows) {
        return TierCatalogReader.read(TierCatalogs.catalog(rows)).findings().stream()
                .map(f -> f.location() + ": " + f.message()).toList();
    }
}
