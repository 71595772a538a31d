package com.acme.tiering.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

import com.acme.tiering.facts.CustomerFacts;

/**
 * The peer engine: Camunda's DMN engine evaluating DMN copies of rules/tiers.xlsx and rules/service-plans.xlsx
 * (src/bench/resources/dmn), parsed once. The service-plan table reads the tier in force, the churn risk and
 * the lifecycle stage, which in the service come from the other rules; here they are given.
 *
 * <p>Two configurations: the default, whose FEEL Scala engine parses every input entry again at each
 * evaluation (camunda/feel-scala#1149), and the legacy FEEL engine, which compiles input entries once and
 * caches them: the fastest this engine gets on these simple unary tests.
 */
final class CamundaTables {

    /** What the two tables decide for one customer: the tier table's tier, and the plan with its entitlements. */
    record Decision(String qualifiedTier, DmnDecisionRuleResult servicePlan) {
    }

    private final boolean legacyFeel;
    private final DmnEngine engine;
    private final DmnDecision tiers;
    private final DmnDecision servicePlans;

    CamundaTables(boolean legacyFeel) {
        this.legacyFeel = legacyFeel;
        engine = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .enableFeelLegacyBehavior(legacyFeel).buildEngine();
        tiers = parse("tiers");
        servicePlans = parse("servicePlans");
    }

    private DmnDecision parse(String decision) {
        String file = decision.equals("tiers") ? "/dmn/tiers.dmn" : "/dmn/service-plans.dmn";
        try (InputStream xml = CamundaTables.class.getResourceAsStream(file)) {
            return engine.parseDecision(decision, xml);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The tier the tier table gives, before any tier policy. */
    String tier(CustomerFacts facts) {
        return engine.evaluateDecisionTable(tiers, Variables.createVariables()
                .putValue("paretoShare", number(facts.paretoShare()))
                .putValue("revenueLast12m", number(facts.revenueLast12m()))
                .putValue("ordersLast12m", facts.ordersLast12m())
                .putValue("revenueGrowthPct", number(facts.revenueGrowthPct())))
                .getFirstResult().getSingleEntry();
    }

    /**
     * The legacy engine compares a BigDecimal with a literal such as 0.70 through the literal's double, so 0.70
     * would not be ≤ 0.70; given doubles on both sides it compares as the spreadsheet means.
     */
    private Object number(BigDecimal value) {
        return legacyFeel && value != null ? (Object) value.doubleValue() : value;
    }

    /** The plan code and its entitlements, by output name. */
    DmnDecisionRuleResult servicePlan(String tier, String churnRisk, String lifecycleStage) {
        return engine.evaluateDecisionTable(servicePlans, Variables.createVariables()
                .putValue("tier", tier)
                .putValue("churnRisk", churnRisk)
                .putValue("lifecycleStage", lifecycleStage))
                .getFirstResult();
    }
}
