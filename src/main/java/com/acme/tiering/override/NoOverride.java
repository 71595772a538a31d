package com.acme.tiering.override;

public class NoOverride extends RuntimeException {

    NoOverride(String customerId) {
        super("Customer '" + customerId + "' has no manual override in force");
    }
}
