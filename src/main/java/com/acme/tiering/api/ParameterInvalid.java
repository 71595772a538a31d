package com.acme.tiering.api;

/** A request parameter that passed its annotations but still makes no sense; answered 400 naming it. */
class ParameterInvalid extends RuntimeException {

    private final String field;

    ParameterInvalid(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
