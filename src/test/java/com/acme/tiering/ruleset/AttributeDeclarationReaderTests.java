package com.acme.tiering.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.acme.tiering.support.AttributeWorkbooks;

/** The customer attributes a version declares: read from their workbook, every problem a finding naming the cell. */
class AttributeDeclarationReaderTests {

    private final List<RuleFile> shipped = new RulesDirectory().read(Path.of("rules"));

    @Test
    void theShippedRulesDeclareRelationshipDepthAsAnOptionalCodeList() {
        AttributeDeclarationReader.Read read = AttributeDeclarationReader.read(shipped);

        assertThat(read.findings()).isEmpty();
        assertThat(read.declarations().all()).singleElement().satisfies(depth -> {
            assertThat(depth.name()).isEqualTo("relationshipDepth");
            assertThat(depth.type()).isEqualTo(AttributeType.CODE);
            assertThat(depth.codeList()).isEqualTo("relationshipDepth");
            assertThat(depth.codes()).containsExactly("DECISION_MAKER", "INFLUENCER", "USER");
            assertThat(depth.required()).isFalse();
            assertThat(depth.declaredIn()).isEqualTo("customer-attributes.xlsx › Attributes › A2");
        });
    }

    @Test
    void aVersionWithoutTheFileDeclaresNothing() {
        AttributeDeclarationReader.Read read = AttributeDeclarationReader.read(shipped.stream()
                .filter(file -> !AttributeDeclarationReader.isDeclarations(file)).toList());

        assertThat(read.findings()).isEmpty();
        assertThat(read.declarations().isEmpty()).isTrue();
    }

    @Test
    void aCsvListsItsCodesInAllowedValuesAndColumnsComeInAnyOrder() {
        String csv = "\uFEFFType,Name,Required,Allowed values,Min,Max\n"
                + "code,contractType,yes,\"FRAMEWORK, ONE_OFF\",,\n"
                + "integer,seats,,,1,500\n"
                + "decimal,potential,no,,0,1.5\n"
                + "date,contractStart,,,2020-01-01,\n"
                + "yes/no,reference,,,,\n"
                + "text,segment,,,,\n";
        AttributeDeclarationReader.Read read = AttributeDeclarationReader.read(new RuleFile("customer-attributes.csv",
                csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(read.findings()).isEmpty();
        AttributeDeclarations declared = read.declarations();
        assertThat(declared.all()).extracting(CustomerAttribute::name).containsExactly("contractType", "seats",
                "potential", "contractStart", "reference", "segment");
        assertThat(declared.find("contractType").orElseThrow().codes()).containsExactly("FRAMEWORK", "ONE_OFF");
        assertThat(declared.find("contractType").orElseThrow().required()).isTrue();
        assertThat(declared.find("seats").orElseThrow().describe()).isEqualTo("integer, 1 to 500");
        assertThat(declared.find("potential").orElseThrow().max()).isEqualTo(new BigDecimal("1.5"));
        assertThat(declared.find("contractStart").orElseThrow().min()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(declared.find("reference").orElseThrow().type()).isEqualTo(AttributeType.YES_NO);
    }

    @Test
    void everyCellIsCheckedAndNamed() {
        List<Object[]> rows = List.of(
                AttributeWorkbooks.row("contractType", "code", "FRAMEWORK, ONE_OFF", null, null, "no", ""),
                AttributeWorkbooks.row("seats", "number", "", null, null, "", ""),
                AttributeWorkbooks.row("ContractType", "text", "", null, null, "", ""),
                AttributeWorkbooks.row("revenueLast12m", "decimal", "", null, null, "", ""),
                AttributeWorkbooks.row("Tier", "text", "", null, null, "", ""),
                AttributeWorkbooks.row("discount", "decimal", "", 50, 10, "", ""),
                AttributeWorkbooks.row("industryGroup", "code", "", null, null, "", ""),
                AttributeWorkbooks.row("depth", "code:depth", "", null, null, "", ""),
                AttributeWorkbooks.row("segment", "text", "A, B", 1, null, "maybe", ""),
                AttributeWorkbooks.row("contract type", "integer", "", null, null, "", ""),
                AttributeWorkbooks.row("start", "date", "", "1/31/26", null, "", ""));

        assertThat(findings(rows, Map.of())).containsExactly(
                "customer-attributes.xlsx › Attributes › B3: 'number' is not an attribute type",
                "customer-attributes.xlsx › Attributes › A4: The attribute ContractType is declared twice (first in A2)",
                "customer-attributes.xlsx › Attributes › A5: 'revenueLast12m' is the name of a built-in fact",
                "customer-attributes.xlsx › Attributes › A6: 'Tier' is the name of a built-in fact (tier)",
                "customer-attributes.xlsx › Attributes › E7: Max 10 is below Min 50",
                "customer-attributes.xlsx › Attributes › C8: A code attribute needs its codes",
                "customer-attributes.xlsx › Attributes › B9: There is no code list 'depth'",
                "customer-attributes.xlsx › Attributes › C10: Allowed values are for code attributes",
                "customer-attributes.xlsx › Attributes › D10: A text attribute has no range",
                "customer-attributes.xlsx › Attributes › F10: 'maybe' is neither yes nor no",
                "customer-attributes.xlsx › Attributes › A11: 'contract type' is not an attribute name",
                "customer-attributes.xlsx › Attributes › D12: '1/31/26' is not a date: write it as YYYY-MM-DD, "
                        + "e.g. 2026-01-31");
    }

    @Test
    void aCodeListOnTheCodesSheetIsCheckedLikeAPlanTable() {
        assertThat(findings(List.<Object[]>of(AttributeWorkbooks.row("depth", "code:depth", "USER", null, null, "", "")),
                Map.of("depth", List.of("USER", "USER"))))
                .containsExactly("customer-attributes.xlsx › Codes › A3: 'USER' is listed twice in depth",
                        "customer-attributes.xlsx › Attributes › C2: The codes of code:depth are those of its list "
                                + "on the Codes sheet");
    }

    @Test
    void aWorkbookWithoutTheAttributesSheetIsRefused() {
        RuleFile tiers = shipped.stream().filter(f -> f.name().equals("tiers.xlsx")).findFirst().orElseThrow();

        assertThat(AttributeDeclarationReader.read(new RuleFile("customer-attributes.xlsx", tiers.content()))
                .findings()).extracting(Finding::toString)
                .containsExactly("customer-attributes.xlsx: There is no sheet named Attributes (Sheet Attributes: a "
                        + "header row Name | Type | Allowed values | Min | Max | Required | Description, then one "
                        + "row per attribute)");
    }

    @Test
    void valuesAreCheckedAgainstTheirDeclarationNamingTheAttribute() {
        AttributeDeclarations declared = AttributeDeclarationReader.read(AttributeWorkbooks.declarations(List.of(
                AttributeWorkbooks.row("contractType", "code", "FRAMEWORK, ONE_OFF", null, null, "yes", ""),
                AttributeWorkbooks.row("seats", "integer", "", 1, 500, "", ""),
                AttributeWorkbooks.row("reference", "yes/no", "", null, null, "", "")), Map.of())).declarations();

        AttributeDeclarations.Checked checked = declared.check(Map.of("contractType", "PARTNER", "seats", "four",
                "reference", true, "colour", "red"));

        assertThat(checked.problems()).extracting(p -> p.attribute() + " " + p.message()).containsExactlyInAnyOrder(
                "contractType 'PARTNER' is not one of FRAMEWORK, ONE_OFF",
                "seats must be a whole number (integer), not the text 'four'",
                "colour is not a declared attribute: the rules in force declare contractType, seats, reference");
        assertThat(declared.check(Map.of("seats", 501)).problems()).extracting(AttributeDeclarations.Problem::message)
                .containsExactly("'501' is outside 1 to 500");
        assertThat(declared.check(Map.of("seats", 4.5)).problems()).extracting(AttributeDeclarations.Problem::message)
                .containsExactly("'4.5' is not a whole number: seats is a whole number (integer)");
        assertThat(declared.check(Map.of("seats", 12, "reference", false)).values())
                .containsOnly(Map.entry("seats", 12L), Map.entry("reference", false));
        assertThat(declared.missingRequired(com.acme.tiering.facts.AttributeValues.NONE))
                .extracting(AttributeDeclarations.Problem::attribute).containsExactly("contractType");
    }

    private static List<String> findings(List<Object[]> rows, Map<String, List<String>> codeLists) {
        return AttributeDeclarationReader.read(AttributeWorkbooks.declarations(rows, codeLists)).findings().stream()
                .map(f -> f.location() + ": " + f.message()).toList();
    }
}
