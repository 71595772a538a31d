package com.acme.tiering.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.acme.tiering.evaluation.Evaluation.ChurnSignal;
import com.acme.tiering.facts.CustomerFacts;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.ruleset.RulesDirectory;
import com.acme.tiering.ruleset.RulesetCompiler;

/**
 * The churn triggers as DRL, before they became rules/churn-triggers.xlsx (kept as a test resource), and the
 * customer-by-customer comparison of the two: what the table must decide exactly as.
 */
public final class LegacyChurnTriggers {

    private static final String TABLE = "churn-triggers.xlsx";
    private static CompiledRuleset legacy;

    private LegacyChurnTriggers() {
    }

    /** The shipped rules with the trigger table replaced by the former churn-triggers.drl. */
    public static synchronized CompiledRuleset ruleset() {
        if (legacy == null) {
            List<RuleFile> files = new ArrayList<>(new RulesDirectory().read(ShippedRules.RULES).stream()
                    .filter(file -> !file.name().equals(TABLE)).toList());
            files.add(new RuleFile("churn-triggers.drl", drl()));
            legacy = new RulesetCompiler().compile(files);
        }
        return legacy;
    }

    static byte[] drl() {
        try (InputStream in = LegacyChurnTriggers.class.getResourceAsStream("/legacy/churn-triggers.drl")) {
            return in.readAllBytes();
        }
        catch (IOException | NullPointerException missing) {
            throw new IllegalStateException("src/test/resources/legacy/churn-triggers.drl is missing", missing);
        }
    }

    /** How many customers compared, and a description of each whose signals, risk, tier or plan differ. */
    public record Comparison(int compared, List<String> differences) {
    }

    /** {@link #compare(List, CompiledRuleset)} with the shipped rules, rules/churn-triggers.xlsx among them. */
    public static Comparison compareWithShipped(List<CustomerFacts> customers) {
        return compare(customers, ShippedRules.ruleset());
    }

    /**
     * Decides every customer with both rulesets and compares the signals (trigger, risk, recommended action and hours,
     * in order), the churn risk, the tier and the plan.
     */
    public static Comparison compare(List<CustomerFacts> customers, CompiledRuleset table) {
        CompiledRuleset drl = ruleset();
        List<String> differences = new ArrayList<>();
        for (CustomerFacts facts : customers) {
            String before = outcome(Evaluator.decide(facts, drl, null));
            String after = outcome(Evaluator.decide(facts, table, null));
            if (!before.equals(after)) {
                differences.add(facts.customerId() + ": DRL " + before + " / table " + after);
            }
        }
        return new Comparison(customers.size(), differences);
    }

    private static String outcome(Evaluation evaluation) {
        StringBuilder text = new StringBuilder().append(evaluation.tier()).append(' ')
                .append(evaluation.servicePlan() == null ? "-" : evaluation.servicePlan().code()).append(' ')
                .append(evaluation.churnRisk()).append(" [");
        for (ChurnSignal signal : evaluation.churnSignals()) {
            text.append(signal.triggerId()).append(' ').append(signal.risk()).append(" '")
                    .append(signal.recommendedAction()).append("' ").append(signal.dueWithinHours()).append("h; ");
        }
        return text.append(']').toString();
    }
}
