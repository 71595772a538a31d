package com.acme.tiering.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.acme.tiering.facts.AttributeValues;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.Finding;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.ruleset.RulesDirectory;
import com.acme.tiering.ruleset.RulesetCompiler;
import com.acme.tiering.ruleset.RulesetInvalid;
import com.acme.tiering.support.AttributeWorkbooks;

/**
 * Issue 17 item 2: tier, plan and trigger tables (and DRL) read a declared attribute like a built-in fact, in the
 * same safe dialect; a missing value matches no condition and the explanation says it is missing; rule tests set
 * attributes by column; a table reading an attribute nobody declares is refused naming the cell.
 */
class DeclaredAttributesTests {

    /** contractType FRAMEWORK / ONE_OFF besides the shipped relationshipDepth. */
    private static final RuleFile CONTRACT_TYPE = AttributeWorkbooks.shippedAnd(AttributeWorkbooks.row("contractType",
            "code", "FRAMEWORK, ONE_OFF", null, null, "no", "The customer's contract with us"));

    /** Tiers with a contractType column (G) and the row "Key: framework contract and at least 4 orders" as row 14. */
    private static RuleFile frameworkTiers(String template, String value) {
        byte[] tiers = AttributeWorkbooks.withConditionColumn(shipped("tiers.xlsx"), "Tiers", template, "contractType");
        return new RuleFile("tiers.xlsx", AttributeWorkbooks.withRow(tiers, "Tiers", 13, Map.of(0,
                "Key: framework contract", 1, "Key: framework contract and at least 4 orders", 4, 4, 6, value, 7, "B")));
    }

    /** A regular buyer outside the top 90% of revenue: Standard by the shipped rows. */
    private static CustomerFacts buyer(String contractType) {
        Map<String, String> cells = new LinkedHashMap<>(Map.of("paretoShare", "0.95", "ordersLast12m", "5",
                "revenueLast12m", "5000", "recencyDays", "10", "firstOrderDate", "2024-01-01"));
        CustomerFacts facts = ScenarioFacts.from(cells);
        return contractType == null ? facts : facts.withAttributes(AttributeValues.of(Map.of("contractType",
                contractType)));
    }

    @Test
    void aTierRowReadsADeclaredAttributeAndTheExplanationNamesItsValue() {
        CompiledRuleset rules = compile(CONTRACT_TYPE, frameworkTiers("contractType == \"$param\"", "FRAMEWORK"));

        Evaluation framework = Evaluator.run(buyer("FRAMEWORK"), rules);

        assertThat(framework.tier()).isEqualTo("B");
        assertThat(framework.explanation().summary()).startsWith("Tier B (Key): framework contract and at least 4 "
                + "orders — ordersLast12m 5 ≥ 4, contractType is FRAMEWORK (tiers.xlsx › Tiers › row 14).");
        assertThat(framework.explanation().firedRules()).filteredOn(r -> r.source().endsWith("row 14")).singleElement()
                .satisfies(row -> assertThat(row.factsRead()).containsEntry("contractType", "FRAMEWORK")
                        .containsEntry("ordersLast12m", 5));
        assertThat(Evaluator.run(buyer("ONE_OFF"), rules).tier()).isEqualTo("C");
    }

    @Test
    void aMissingValueMatchesNoConditionAndTheExplanationSaysItIsMissing() {
        CompiledRuleset equal = compile(CONTRACT_TYPE, frameworkTiers("contractType == \"$param\"", "FRAMEWORK"));
        CompiledRuleset notEqual = compile(CONTRACT_TYPE, frameworkTiers("contractType != \"$param\"", "ONE_OFF"));

        Evaluation missing = Evaluator.run(buyer(null), equal);

        assertThat(missing.tier()).isEqualTo("C");
        assertThat(missing.explanation().whyNotHigher()).anySatisfy(gap -> assertThat(gap.unmet())
                .extracting(Explanation.UnmetCondition::text).containsExactly("contractType is missing, needs FRAMEWORK"));
        assertThat(Evaluator.run(buyer("ONE_OFF"), equal).explanation().whyNotHigher()).anySatisfy(gap -> assertThat(
                gap.unmet()).extracting(Explanation.UnmetCondition::text)
                .containsExactly("contractType is ONE_OFF, needs FRAMEWORK"));
        assertThat(Evaluator.run(buyer("FRAMEWORK"), notEqual).tier()).as("!= ONE_OFF holds for FRAMEWORK")
                .isEqualTo("B");
        assertThat(Evaluator.run(buyer(null), notEqual).tier()).as("!= holds for no missing value").isEqualTo("C");
    }

    @Test
    void planAndTriggerTablesReadAttributesToo() {
        byte[] plans = AttributeWorkbooks.withConditionColumn(shipped("service-plans.xlsx"), "ServicePlans",
                "contractType == \"$param\"", "contractType");
        plans = AttributeWorkbooks.withRow(plans, "ServicePlans", 12, Map.of(0, "Key framework", 1,
                "Key accounts with a framework contract", 2, "B", 5, "FRAMEWORK", 6, "KEY_FRAMEWORK", 7, "DEDICATED"));
        byte[] triggers = AttributeWorkbooks.withConditionColumn(shipped("churn-triggers.xlsx"), "ChurnTriggers",
                "contractType in ($param)", "contractType");
        triggers = AttributeWorkbooks.withRow(triggers, "ChurnTriggers", 18, Map.of(0, "ONE_OFF_BUYER", 1,
                "One-off buyer (LOW): no framework contract yet", 11, "ONE_OFF", 13, "LOW", 14,
                "Offer a framework contract", 16, 720));
        CompiledRuleset rules = compile(CONTRACT_TYPE, frameworkTiers("contractType == \"$param\"", "FRAMEWORK"),
                new RuleFile("service-plans.xlsx", plans), new RuleFile("churn-triggers.xlsx", triggers));

        Evaluation framework = Evaluator.run(buyer("FRAMEWORK"), rules);
        Evaluation oneOff = Evaluator.run(buyer("ONE_OFF"), rules);

        assertThat(framework.servicePlan().code()).isEqualTo("KEY_FRAMEWORK");
        assertThat(framework.servicePlan().entitlements().values()).containsEntry("accountManager", "DEDICATED");
        assertThat(framework.churnSignals()).extracting(Evaluation.ChurnSignal::triggerId)
                .doesNotContain("ONE_OFF_BUYER");
        assertThat(oneOff.churnSignals()).extracting(Evaluation.ChurnSignal::triggerId).contains("ONE_OFF_BUYER");
        assertThat(Evaluator.run(buyer(null), rules).churnSignals()).as("missing: not in the list either")
                .extracting(Evaluation.ChurnSignal::triggerId).doesNotContain("ONE_OFF_BUYER");
    }

    @Test
    void aCsvTableAndADrlRuleReadAttributesWithTheSameCall() {
        String csv = """
                RuleSet,com.acme.tiering.rules
                Sequential,true
                ACTIVATION-GROUP,tier

                RuleTable Tiers
                NAME,DESCRIPTION,CONDITION,CONDITION,ACTION
                ,,CustomerFacts,CustomerFacts,
                ,,ordersLast12m >= $param,contractType in ($param),"decision.tier(""$param"");"
                Rule,Description,ordersLast12m ≥,contractType,tier
                Key contract,Key: any contract and at least 4 orders,4,"FRAMEWORK, ONE_OFF",B
                Standard buyer,Standard: bought in the last 12 months,1,,C
                Basic buyer,Basic: no purchase in the last 12 months,,,D
                """;
        String drl = """
                package com.acme.tiering.rules;
                import com.acme.tiering.facts.*;
                global com.acme.tiering.evaluation.Outcome decision;

                rule "Framework contracts are watched"
                    @description("A framework customer buying less than 6 times a year is watched")
                when
                    AssignedTier()
                    CustomerFacts( attributes.holds("contractType", "==", "FRAMEWORK"), ordersLast12m < 6 )
                then
                    decision.signal("FRAMEWORK_WATCH", "LOW", "Review the framework contract", null, 720);
                end
                """;
        CompiledRuleset rules = compile(CONTRACT_TYPE, new RuleFile("tiers.csv", csv.getBytes(StandardCharsets.UTF_8)),
                new RuleFile("framework.drl", drl.getBytes(StandardCharsets.UTF_8)));

        assertThat(Evaluator.run(buyer("ONE_OFF"), rules).tier()).isEqualTo("B");
        assertThat(Evaluator.run(buyer(null), rules).tier()).isEqualTo("C");
        assertThat(Evaluator.run(buyer("FRAMEWORK"), rules).churnSignals()).extracting(Evaluation.ChurnSignal::triggerId)
                .contains("FRAMEWORK_WATCH");
        assertThat(Evaluator.run(buyer("ONE_OFF"), rules).churnSignals()).extracting(Evaluation.ChurnSignal::triggerId)
                .doesNotContain("FRAMEWORK_WATCH");
    }

    @Test
    void ruleTestsSetAttributesByColumnAndNameWhatDoesNotFit() {
        CompiledRuleset rules = compile(CONTRACT_TYPE, frameworkTiers("contractType == \"$param\"", "FRAMEWORK"));
        List<RuleScenario> scenarios = RuleTestSuite.parse("framework.csv", """
                scenario,paretoShare,ordersLast12m,revenueLast12m,recencyDays,contractType,expect.tier
                framework,0.95,5,5000,10,FRAMEWORK,B
                no contract,0.95,5,5000,10,,C
                partner,0.95,5,5000,10,PARTNER,B
                """);

        assertThat(RuleTestSuite.failures(scenarios, rules)).singleElement().satisfies(failure -> assertThat(
                failure.report()).startsWith("framework.csv line 4 (partner): contractType: 'PARTNER' is not one of "
                        + "FRAMEWORK, ONE_OFF"));
        assertThat(RuleTestSuite.failures(RuleTestSuite.parse("typo.csv", "contractTyp,expect.tier\nFRAMEWORK,B\n"),
                rules)).singleElement().satisfies(failure -> assertThat(failure.mismatches()).containsExactly(
                        "unknown column contractTyp: no fact has that name and no attribute declares it"));
    }

    @Test
    void aTableReadingAnUndeclaredAttributeOrAValueOutsideItsListIsRefusedNamingTheCell() {
        assertThat(findings(frameworkTiers("contractType == \"$param\"", "FRAMEWORK"))).anySatisfy(finding -> {
            assertThat(finding.location()).isEqualTo("tiers.xlsx › Tiers › G9");
            assertThat(finding.message()).isEqualTo("'contractType' is not a fact of CustomerFacts: the table reads "
                    + "contractType, which no attribute declares");
        });
        assertThat(findings(CONTRACT_TYPE, frameworkTiers("contractType == \"$param\"", "PARTNER")))
                .extracting(f -> f.location() + ": " + f.message())
                .containsExactly("tiers.xlsx › Tiers › G14: 'PARTNER' is not one of FRAMEWORK, ONE_OFF");
        assertThat(findings(CONTRACT_TYPE, frameworkTiers("contractType >= \"$param\"", "FRAMEWORK")))
                .extracting(f -> f.location() + ": " + f.message())
                .containsExactly("tiers.xlsx › Tiers › G9: contractType is a code: it cannot be >= a value");
        assertThat(findings(CONTRACT_TYPE, frameworkTiers("contractType in ($param)", "\"FRAMEWORK\"")))
                .extracting(Finding::location).containsExactly("tiers.xlsx › Tiers › G14");
    }

    @Test
    void aDrlRuleReadingAnUndeclaredAttributeIsRefusedNamingTheLine() {
        String drl = """
                package com.acme.tiering.rules;
                import com.acme.tiering.facts.*;
                global com.acme.tiering.evaluation.Outcome decision;

                rule "Partners"
                when
                    CustomerFacts( attributes.holds("partnerLevel", "==", "GOLD") )
                then
                    decision.signal("PARTNER", "LOW", "Call", null, 24);
                end
                """;

        assertThat(findings(new RuleFile("partners.drl", drl.getBytes(StandardCharsets.UTF_8))))
                .extracting(f -> f.location() + ": " + f.message())
                .containsExactly("partners.drl › line 7: The rule reads partnerLevel, which no attribute declares");
    }

    private static List<Finding> findings(RuleFile... replacements) {
        try {
            compile(replacements);
        }
        catch (RulesetInvalid invalid) {
            return invalid.findings();
        }
        throw new AssertionError("the rules compiled");
    }

    /** The shipped rules with these files in place of the same tables (or added). */
    private static CompiledRuleset compile(RuleFile... replacements) {
        List<RuleFile> files = new ArrayList<>(new RulesDirectory().read(ShippedRules.RULES));
        for (RuleFile replacement : replacements) {
            files.removeIf(file -> replacement.replaces(file));
        }
        files.addAll(List.of(replacements));
        return new RulesetCompiler().compile(files);
    }

    private static byte[] shipped(String name) {
        try {
            return Files.readAllBytes(Path.of("rules", name));
        }
        catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    @Test
    void theShippedRulesDeclareRelationshipDepthAndNoRuleReadsIt() {
        assertThat(ShippedRules.ruleset().attributes().all()).extracting(a -> a.name() + " " + a.describe())
                .containsExactly("relationshipDepth code: DECISION_MAKER, INFLUENCER, USER");
        assertThat(ShippedRules.ruleset().catalog().values()).allSatisfy(rule -> assertThat(rule.reads())
                .noneMatch(read -> read.property().equals("relationshipDepth")));
        assertThatThrownBy(() -> buyer(null).value("relationshipDepth")).as("an attribute is no fact")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
