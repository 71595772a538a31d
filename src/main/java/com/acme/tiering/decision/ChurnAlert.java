package com.acme.tiering.decision;

import java.time.Instant;

/**
 * A churn alert: opened when a trigger starts firing for a customer, one alert per customer and trigger
 * episode. People acknowledge and resolve it; the service closes it when the trigger stops firing.
 *
 * @param owner the account owner of the customer, whom the alert is for
 * @param ownerRole who in the sales or service organisation acts on it (the trigger's owner role), null if none
 * @param status where it stands (CLOSED: closed automatically)
 * @param closedAt when the service closed it because the trigger stopped firing
 * @param overdue still OPEN or ACKNOWLEDGED after its due time
 * @param triggerFiring the trigger still fired at the customer's latest evaluation; a RESOLVED alert whose
 *     trigger keeps firing stays the customer's alert for that trigger until the trigger stops
 */
public record ChurnAlert(
        long id,
        String customerId,
        String customerName,
        String triggerId,
        String risk,
        String recommendedAction,
        String owner,
        String ownerRole,
        AlertStatus status,
        Instant openedAt,
        Instant dueAt,
        Instant closedAt,
        String closedReason,
        boolean overdue,
        boolean triggerFiring) {

    /** One status change: who made it (a user, or the service), when and with which comment. */
    public record Transition(String fromStatus, String toStatus, String actor, Instant at, String comment) {
    }

    /** An alert with its history of transitions, oldest first. */
    public record Details(@com.fasterxml.jackson.annotation.JsonUnwrapped ChurnAlert alert,
            java.util.List<Transition> history) {
    }
}
