package com.acme.tiering.decision;

import java.time.Instant;

/**
 * A churn alert: opened when a trigger starts firing for a customer, one open alert per customer and
 * trigger, closed automatically when the trigger stops firing.
 *
 * @param status OPEN, ACKNOWLEDGED, RESOLVED or CLOSED (closed automatically)
 */
public record ChurnAlert(
        long id,
        String customerId,
        String triggerId,
        String risk,
        String recommendedAction,
        String owner,
        String status,
        Instant openedAt,
        Instant dueAt,
        Instant closedAt,
        String closedReason,
        boolean overdue) {
}
