package com.acme.tiering.api;

class DateRangeInvalid extends RuntimeException {

    DateRangeInvalid(String message) {
        super(message);
    }
}
