package com.acme.tiering.api;

class ApiKeyUnknown extends RuntimeException {

    ApiKeyUnknown(long id) {
        super("No API key " + id + " in force");
    }
}
