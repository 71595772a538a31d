package com.acme.tiering.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.acme.tiering.audit.AuditLog;

/**
 * The churn alert lifecycle as people drive it: OPEN → ACKNOWLEDGED → RESOLVED, or OPEN → RESOLVED when an
 * alert is handled at once. The service itself opens alerts and closes OPEN or ACKNOWLEDGED ones (CLOSED)
 * when their trigger stops firing (see {@link DecisionRecorder}). A refused change writes nothing.
 */
@Service
public class ChurnAlerts {

    private static final Logger log = LoggerFactory.getLogger(ChurnAlerts.class);

    private final ChurnAlertStore store;
    private final Clock clock;
    private final AuditLog audit;

    ChurnAlerts(ChurnAlertStore store, Clock clock, AuditLog audit) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
    }

    /** An alert's status as the audit log shows it before and after a person moves it. */
    record AuditedStatus(AlertStatus status, String comment) {
    }

    /** Newest first; each filter is optional. */
    @Transactional(readOnly = true)
    public List<ChurnAlert> list(String status, String risk, String owner, String triggerId, Boolean overdue,
            int page, int size) {
        return store.find(new ChurnAlertStore.Filter(status, risk, owner, triggerId, overdue, page, size),
                clock.instant());
    }

    /** One customer's alerts still waiting for someone (OPEN or ACKNOWLEDGED), newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<ChurnAlert> waitingFor(String customerId, int limit) {
        return store.waitingFor(customerId, clock.instant(), limit);
    }

    /** Alerts still waiting for someone (OPEN or ACKNOWLEDGED), counted by risk, and how many are overdue. */
    @Transactional(readOnly = true)
    public OpenAlerts open() {
        return store.open(clock.instant());
    }

    /**
     * @param byRisk HIGH, MEDIUM, LOW → alerts OPEN or ACKNOWLEDGED
     * @param overdue of those, past their due time
     */
    public record OpenAlerts(java.util.Map<String, Long> byRisk, long overdue) {
    }

    /** @throws ChurnAlertNotFound when there is no such alert */
    @Transactional(readOnly = true)
    public ChurnAlert.Details details(long id) {
        ChurnAlert alert = store.find(id, clock.instant()).orElseThrow(() -> ChurnAlertNotFound.forId(id));
        return new ChurnAlert.Details(alert, store.history(id));
    }

    /**
     * Someone takes the alert on.
     *
     * @throws ChurnAlertNotFound when there is no such alert
     * @throws AlertTransitionRefused when it is not OPEN
     */
    @Transactional
    public ChurnAlert.Details acknowledge(long id, String user, String comment) {
        return move(id, AlertStatus.ACKNOWLEDGED, List.of(AlertStatus.OPEN), user, comment);
    }

    /**
     * Someone has acted on the alert and says how.
     *
     * @throws ChurnAlertNotFound when there is no such alert
     * @throws AlertTransitionRefused when it is already RESOLVED or CLOSED
     */
    @Transactional
    public ChurnAlert.Details resolve(long id, String user, String comment) {
        return move(id, AlertStatus.RESOLVED, List.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED), user, comment);
    }

    private ChurnAlert.Details move(long id, AlertStatus to, List<AlertStatus> allowedFrom, String user,
            String comment) {
        // Locked, so an evaluation closing the alert at the same moment either comes first or waits.
        AlertStatus from = store.lockStatus(id).orElseThrow(() -> ChurnAlertNotFound.forId(id));
        if (!allowedFrom.contains(from)) {
            throw AlertTransitionRefused.of(id, from, to, lastChange(id));
        }
        Instant now = clock.instant();
        store.transition(id, from, to, user, now, blankToNull(comment));
        audit.record(to == AlertStatus.RESOLVED ? "ALERT_RESOLVED" : "ALERT_ACKNOWLEDGED", "churn_alert",
                String.valueOf(id), new AuditedStatus(from, null), new AuditedStatus(to, blankToNull(comment)));
        log.info("Churn alert {} {} by {}", id, to.name().toLowerCase(java.util.Locale.ROOT), user);
        return details(id);
    }

    private ChurnAlert.Transition lastChange(long id) {
        List<ChurnAlert.Transition> history = store.history(id);
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    private static String blankToNull(String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
