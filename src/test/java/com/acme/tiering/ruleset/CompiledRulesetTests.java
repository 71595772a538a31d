package com.acme.tiering.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.facts.TierCandidate;

/** What an evaluation looks up in a compiled ruleset is found without names or reflection. */
class CompiledRulesetTests {

    private static final CompiledRuleset SHIPPED = new RulesetCompiler()
            .compile(new RulesDirectory().read(Path.of("rules")));

    @Test
    void findsEveryCompiledRuleInTheCatalogByTheRuleItself() {
        for (KiePackage kiePackage : SHIPPED.kieBase().getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                assertThat(SHIPPED.rule(rule)).as(rule.getName())
                        .isSameAs(SHIPPED.catalog().get(kiePackage.getName() + "." + rule.getName()));
            }
        }
        assertThat(SHIPPED.firedRules()).hasSameSizeAs(SHIPPED.catalog());
    }

    @Test
    void aRuleTheCatalogDoesNotKnowKeepsItsNameAndHasNoSource() {
        RuleInfo unknown = SHIPPED.rule("com.acme.tiering.rules", "Added by hand");

        assertThat(unknown.name()).isEqualTo("Added by hand");
        assertThat(unknown.file()).isEqualTo("?");
        assertThat(unknown.reads()).isEmpty();
    }

    @Test
    void everyFactReadReadsItsPropertyFromItsFactTypeOnly() {
        CustomerFacts facts = new CustomerFacts("C-1", null, "Retail", null, null, null, LocalDate.of(2026, 11, 24),
                null, null, null, 12, 5, new BigDecimal("30000"), null, new BigDecimal("55"), null, null, null, null,
                2, 0, 70, 6, 0, 4, 4, 3, new BigDecimal("0.84"), "B", null, null);
        TierCandidate candidate = TierCandidate.of(facts, "C", SHIPPED.tiers()::rank);
        for (RuleInfo rule : SHIPPED.catalog().values()) {
            for (RuleInfo.FactRead read : rule.reads()) {
                FactModel.Reader reader = read.reader();
                assertThat(reader.property()).isEqualTo(read.property());
                assertThat(reader.type().getSimpleName()).isEqualTo(read.type());
                if (read.type().equals("CustomerFacts")) {
                    assertThat(reader.reads(candidate)).isFalse();
                    assertThat(reader.valueOf(facts)).as(read.property()).isEqualTo(facts.value(read.property()));
                }
            }
        }
        assertThat(FactModel.reader("TierCandidate", "downgrade").valueOf(candidate)).isEqualTo(true);
        assertThat(FactModel.reader("TierCandidate", "daysPending").valueOf(candidate)).isEqualTo(0);
        assertThat(FactModel.reader("CustomerFacts", "noSuchFact")).isNull();
    }
}
