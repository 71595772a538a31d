package com.acme.tiering.decision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.acme.tiering.decision.ChurnAlertStore.NewAlert;
import com.acme.tiering.decision.ChurnAlertStore.OpenAlert;
import com.acme.tiering.decision.ChurnAlertStore.OpenedAlert;
import com.acme.tiering.decision.DecisionStore.CurrentState;
import com.acme.tiering.evaluation.Evaluation;
import com.acme.tiering.evaluation.Evaluation.ChurnSignal;

/**
 * Records evaluations as decisions: the current decision is replaced, a history row is appended only
 * when something an auditor cares about changed, and churn alerts open and close with their triggers.
 * A batch is recorded in one transaction, so a crash leaves each customer's decision either old or new.
 */
@Service
public class DecisionRecorder {

    private final DecisionStore decisions;
    private final ChurnAlertStore alerts;
    private final AlertOutbox outbox;
    private final ApplicationEventPublisher events;

    DecisionRecorder(DecisionStore decisions, ChurnAlertStore alerts, AlertOutbox outbox,
            ApplicationEventPublisher events) {
        this.decisions = decisions;
        this.alerts = alerts;
        this.outbox = outbox;
        this.events = events;
    }

    /** How many decisions a batch changed (and so wrote history for). */
    public record Recorded(int decisions, int changed, List<Decision> recorded) {
    }

    @Transactional
    public Recorded record(List<Evaluation> evaluations, Long runId, Instant at) {
        return record(evaluations, Map.of(), runId, at);
    }

    /**
     * Records evaluations, some of which restore the decision a customer had before a rolled-back version: those
     * keep the since-date of then, and always write a history row that says which rollback restored them.
     *
     * @param restorations by customer id, for the evaluations that restore a decision
     */
    @Transactional
    public Recorded record(List<Evaluation> evaluations, Map<String, Restoration> restorations, Long runId,
            Instant at) {
        return record(evaluations, restorations, Map.of(), runId, at);
    }

    /**
     * Records evaluations as {@link #record(List, Map, Long, Instant)} does. A decision whose tier the deciding
     * version renamed (same code, another name) or replaced by another code (its catalog's Replaces column) is a
     * change: it writes a history row that says so, so history's last row and the lookup name the tier alike. A
     * replaced code keeps the since-date of the tier it replaces.
     *
     * @param replacedTiers by customer id, the tier in force until now that the deciding version replaced by the
     *        tier it decided
     */
    @Transactional
    public Recorded record(List<Evaluation> evaluations, Map<String, Restoration> restorations,
            Map<String, String> replacedTiers, Long runId, Instant at) {
        // Stored to the millisecond: the decision and its history hash must see the instant the database keeps.
        Instant evaluatedAt = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<String> ids = evaluations.stream().map(Evaluation::customerId).toList();
        decisions.lock(ids);
        Map<String, CurrentState> inForce = decisions.currentStates(ids);
        List<Decision> all = toRecord(evaluations, inForce, restorations, replacedTiers, runId, evaluatedAt);
        List<Decision> inserts = new ArrayList<>();
        List<Decision> updates = new ArrayList<>();
        List<Decision> changed = new ArrayList<>();
        for (Decision decision : all) {
            CurrentState before = inForce.get(decision.customerId());
            (before == null ? inserts : updates).add(decision);
            if (before == null || !before.changeKey().equals(decision.changeKey()) || decision.restoration() != null
                    || decision.renamed() != null) {
                changed.add(decision);
            }
        }
        Map<Decision, String> json = decisions.json(all);
        decisions.insertCurrent(inserts, json);
        decisions.keepPriors(updates);
        decisions.updateCurrent(updates, json);
        decisions.appendHistory(changed, json);
        List<OpenedAlert> opened = reconcileAlerts(all, evaluatedAt);
        events.publishEvent(new DecisionsRecorded(all, runId, opened.stream().map(AlertOpened::of).toList()));
        return new Recorded(all.size(), changed.size(), all);
    }

    /** The evaluations as the decisions to record, each with the since-date, restoration and rename it makes. */
    private List<Decision> toRecord(List<Evaluation> evaluations, Map<String, CurrentState> inForce,
            Map<String, Restoration> restorations, Map<String, String> replacedTiers, Long runId, Instant evaluatedAt) {
        Renamings renamings = new Renamings();
        List<Decision> all = new ArrayList<>();
        for (Evaluation evaluation : evaluations) {
            CurrentState before = inForce.get(evaluation.customerId());
            Restoration restoration = restorations.get(evaluation.customerId());
            String replaced = replacedTiers.get(evaluation.customerId());
            Decision decision = restoration == null
                    ? Decision.of(evaluation, tierSince(before, evaluation, replaced), runId, evaluatedAt)
                    : Decision.of(evaluation, restoration.tierSince(), runId, evaluatedAt, Decision.Restored.by(restoration));
            if (renamed(before, decision, replaced)) {
                renamings.add(all.size(), before);
            }
            all.add(decision);
        }
        renamings.apply(all);
        return all;
    }

    /**
     * The tier is held since the first evaluation that gave it, across unchanged re-evaluations; a code that replaces
     * the one held (the catalog's Replaces) continues its stretch.
     */
    private static LocalDate tierSince(CurrentState before, Evaluation evaluation, String replaced) {
        boolean same = before != null && (before.tier().equals(evaluation.tier()) || before.tier().equals(replaced));
        return same ? before.tierSince() : evaluation.asOf();
    }

    /** The tier held keeps its code under another name, or another code replaces it. */
    private static boolean renamed(CurrentState before, Decision decision, String replaced) {
        if (before == null || before.tierName() == null) {
            return false;
        }
        return before.tier().equals(decision.tier()) ? !before.tierName().equals(decision.tierName())
                : before.tier().equals(replaced);
    }

    /**
     * The decisions of a batch whose tier was renamed or replaced, given the note that says by which version; the
     * version's number is looked up once per batch, and only when there is one.
     */
    private final class Renamings {

        private final Map<Integer, CurrentState> at = new java.util.LinkedHashMap<>();

        void add(int index, CurrentState before) {
            at.put(index, before);
        }

        void apply(List<Decision> all) {
            if (at.isEmpty()) {
                return;
            }
            Map<String, Long> versionIds = decisions.versionIds(at.keySet().stream()
                    .map(i -> all.get(i).rulesetVersion()).collect(Collectors.toSet()));
            at.forEach((index, before) -> {
                Decision decision = all.get(index);
                all.set(index, decision.renamed(Decision.TierRenamed.of(before.tier(), before.tierName(),
                        decision.tier(), decision.tierName(), versionIds.get(decision.rulesetVersion()),
                        decision.rulesetVersion())));
            });
        }
    }

    /**
     * Opens an alert for each trigger that starts firing and ends the episodes of triggers that stopped. A
     * trigger's episode keeps its one alert while it fires, even once resolved: a new alert opens only when
     * the trigger has stopped and fires again. New alerts are queued for the webhook in this transaction.
     */
    private List<OpenedAlert> reconcileAlerts(List<Decision> recorded, Instant now) {
        Map<String, Set<String>> open = new HashMap<>();
        List<Long> stopped = new ArrayList<>();
        Map<String, Set<String>> firing = recorded.stream().collect(Collectors.toMap(Decision::customerId,
                d -> d.churnSignals().stream().map(ChurnSignal::triggerId).collect(Collectors.toSet())));
        for (OpenAlert alert : alerts.openAlerts(firing.keySet())) {
            open.computeIfAbsent(alert.customerId(), id -> new java.util.HashSet<>()).add(alert.triggerId());
            if (!firing.get(alert.customerId()).contains(alert.triggerId())) {
                stopped.add(alert.id());
            }
        }
        List<NewAlert> started = new ArrayList<>();
        for (Decision decision : recorded) {
            Set<String> alreadyOpen = open.getOrDefault(decision.customerId(), Set.of());
            decision.churnSignals().stream().filter(s -> !alreadyOpen.contains(s.triggerId()))
                    .map(s -> newAlert(decision, s, now)).forEach(started::add);
        }
        alerts.triggerStopped(stopped, now);
        List<OpenedAlert> opened = alerts.open(started);
        outbox.enqueue(opened);
        return opened;
    }

    private static NewAlert newAlert(Decision decision, ChurnSignal signal, Instant now) {
        String owner = decision.facts() == null ? null : decision.facts().accountOwner();
        String name = decision.facts() == null ? null : decision.facts().name();
        return new NewAlert(decision.customerId(), name, signal.triggerId(), signal.risk(), signal.recommendedAction(),
                owner, signal.ownerRole(), now, now.plus(Duration.ofHours(signal.dueWithinHours())));
    }
}
