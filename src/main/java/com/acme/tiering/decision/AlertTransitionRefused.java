package com.acme.tiering.decision;

/** A lifecycle change the alert's status does not allow, saying why and what happened to it last. */
public class AlertTransitionRefused extends RuntimeException {

    private final AlertStatus status;

    private AlertTransitionRefused(String message, AlertStatus status) {
        super(message);
        this.status = status;
    }

    /** The alert's status, which refused the change. */
    public AlertStatus status() {
        return status;
    }

    static AlertTransitionRefused of(long id, AlertStatus from, AlertStatus to, ChurnAlert.Transition last) {
        String since = last == null ? "" : " (" + by(last) + " at " + last.at() + ")";
        String why = switch (from) {
            case CLOSED -> "was closed automatically because its trigger no longer fires" + since
                    + "; there is nothing left to " + verb(to);
            case RESOLVED -> "is already resolved" + since;
            case ACKNOWLEDGED -> "is already acknowledged" + since + "; resolve it when it is handled";
            default -> "is " + from + " and cannot become " + to;
        };
        return new AlertTransitionRefused("Churn alert " + id + " " + why, from);
    }

    private static String by(ChurnAlert.Transition last) {
        return last.actor().startsWith("system") ? "by the service" : "by " + last.actor();
    }

    private static String verb(AlertStatus to) {
        return to == AlertStatus.ACKNOWLEDGED ? "acknowledge" : "resolve";
    }
}
