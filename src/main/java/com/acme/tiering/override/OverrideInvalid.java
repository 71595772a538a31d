package com.acme.tiering.override;

/** An override request that is well-formed but cannot be accepted, naming the field at fault. */
public class OverrideInvalid extends RuntimeException {

    private final String field;

    OverrideInvalid(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
