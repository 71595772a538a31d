package com.acme.tiering.decision;

/**
 * Where a churn alert stands. The database columns, the audit log and the JSON keep the names as text, so the
 * constants must not be renamed; the order is the one the alerts filter offers.
 */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED,
    /** Closed by the service because the trigger stopped firing. */
    CLOSED;

    /** Still waiting for someone: OPEN or ACKNOWLEDGED. */
    boolean waiting() {
        return this == OPEN || this == ACKNOWLEDGED;
    }
}
