package com.acme.tiering.decision;

public class ChurnAlertNotFound extends RuntimeException {

    private ChurnAlertNotFound(String message) {
        super(message);
    }

    static ChurnAlertNotFound forId(long id) {
        return new ChurnAlertNotFound("There is no churn alert " + id);
    }
}
