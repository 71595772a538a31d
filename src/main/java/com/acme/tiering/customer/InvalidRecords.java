package com.acme.tiering.customer;

import java.util.List;

/** Input that passed the shape checks but not the business ones, with every offending field. */
public class InvalidRecords extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    InvalidRecords(List<FieldError> errors) {
        super(errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
