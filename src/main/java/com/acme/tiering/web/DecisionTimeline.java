package com.acme.tiering.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.acme.tiering.decision.Decision;
import com.acme.tiering.evaluation.Evaluation.ChurnSignal;
import com.acme.tiering.evaluation.TierOverride;

/** A customer's decision history as a timeline, newest first, each entry saying what changed from the one before. */
final class DecisionTimeline {

    private DecisionTimeline() {
    }

    /** One recorded change: the decision then and, in words, how it differed from the previous one. */
    public record Entry(LocalDate asOf, Instant evaluatedAt, String tier, String tierName, String plan,
            List<String> changes, String rulesetVersion) {
    }

    /** @param oldestFirst the history as recorded */
    static List<Entry> of(List<Decision> oldestFirst) {
        List<Entry> entries = new ArrayList<>();
        Decision before = null;
        for (Decision d : oldestFirst) {
            entries.add(new Entry(d.asOf(), d.evaluatedAt(), d.tier(), d.tierName(), plan(d), changes(before, d),
                    d.rulesetVersion()));
            before = d;
        }
        Collections.reverse(entries);
        return entries;
    }

    static List<String> changes(Decision before, Decision after) {
        if (before == null) {
            return List.of("First decision");
        }
        List<String> changes = new ArrayList<>();
        restored(changes, before, after);
        if (after.renamed() != null) {
            changes.add(after.renamed().note());
        }
        if (after.renamed() == null) {
            changed(changes, "Tier", before.tier(), after.tier());
        }
        changed(changes, "Service plan", plan(before), plan(after));
        changed(changes, "Lifecycle stage", before.lifecycleStage(), after.lifecycleStage());
        changed(changes, "RFM segment", before.rfmSegment(), after.rfmSegment());
        signals(changes, before.churnSignals(), after.churnSignals());
        override(changes, before, after);
        if (changes.isEmpty() && !Objects.equals(before.rulesetVersion(), after.rulesetVersion())) {
            changes.add("Evaluated under another ruleset version");
        }
        if (changes.isEmpty()) {
            changes.add("Re-evaluated");
        }
        return changes;
    }

    /** A rollback's restoration says so, with the since-date and pending downgrade it gave back. */
    private static void restored(List<String> changes, Decision before, Decision after) {
        if (after.restoration() == null) {
            return;
        }
        changes.add(after.restoration().note());
        if (!Objects.equals(before.tierSince(), after.tierSince())) {
            changes.add("Tier " + after.tier() + " held since " + after.tierSince());
        }
        if (!Objects.equals(before.downgradePendingSince(), after.downgradePendingSince())) {
            changes.add(after.downgradePendingSince() == null ? "No downgrade pending"
                    : "Downgrade pending since " + after.downgradePendingSince());
        }
    }

    private static void changed(List<String> changes, String what, String from, String to) {
        if (!Objects.equals(from, to)) {
            changes.add(what + " " + orNone(from) + " → " + orNone(to));
        }
    }

    private static void signals(List<String> changes, List<ChurnSignal> before, List<ChurnSignal> after) {
        Set<String> was = described(before);
        Set<String> is = described(after);
        is.stream().filter(s -> !was.contains(s)).forEach(s -> changes.add("Churn signal " + s + " started"));
        was.stream().filter(s -> !is.contains(s)).forEach(s -> changes.add("Churn signal " + s + " stopped"));
    }

    private static Set<String> described(List<ChurnSignal> signals) {
        Set<String> described = new TreeSet<>();
        if (signals != null) {
            signals.forEach(s -> described.add(s.triggerId() + " (" + s.risk() + ")"));
        }
        return described;
    }

    private static void override(List<String> changes, Decision before, Decision after) {
        TierOverride was = before.manualOverride();
        TierOverride is = after.manualOverride();
        if (is != null && (was == null || was.id() != is.id())) {
            changes.add("Manual override set: " + is.kind() + " at " + is.tier() + " by " + is.setBy());
        }
        else if (is == null && was != null) {
            changes.add("Manual override ended");
        }
        else if (is != null && !Objects.equals(before.rulesTier(), after.rulesTier())) {
            changes.add("Rules' tier under the override " + orNone(before.rulesTier()) + " → "
                    + orNone(after.rulesTier()));
        }
    }

    private static String plan(Decision d) {
        return d.servicePlan() == null ? null : d.servicePlan().code();
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }
}
