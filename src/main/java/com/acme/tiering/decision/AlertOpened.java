package com.acme.tiering.decision;

import java.time.Instant;

/** What the alert webhook posts for every newly opened churn alert; receivers may de-duplicate by alertId. */
public record AlertOpened(
        long alertId,
        String customerId,
        String customerName,
        String triggerId,
        String risk,
        String recommendedAction,
        String owner,
        String ownerRole,
        Instant openedAt,
        Instant dueAt) {

    static AlertOpened of(ChurnAlertStore.OpenedAlert opened) {
        ChurnAlertStore.NewAlert a = opened.alert();
        return new AlertOpened(opened.id(), a.customerId(), a.customerName(), a.triggerId(), a.risk(),
                a.recommendedAction(), a.owner(), a.ownerRole(), a.openedAt(), a.dueAt());
    }
}
