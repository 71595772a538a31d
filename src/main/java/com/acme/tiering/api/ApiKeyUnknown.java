package com.acme.tiering.api;

/** An administrator named an API key or user that is not in force. */
class ApiKeyUnknown extends RuntimeException {

    ApiKeyUnknown(long id) {
        super("No API key " + id + " in force");
    }

    private ApiKeyUnknown(String message) {
        super(message);
    }

    static final class UserUnknown extends ApiKeyUnknown {

        UserUnknown(String name) {
            super("No user '" + name + "' in force");
        }
    }
}
