package com.acme.tiering.api;

/** An administrator named an API key or a user that is not in force. */
class AdminTargetUnknown extends RuntimeException {

    private AdminTargetUnknown(String message) {
        super(message);
    }

    static AdminTargetUnknown key(long id) {
        return new AdminTargetUnknown("No API key " + id + " in force");
    }

    static AdminTargetUnknown user(String name) {
        return new AdminTargetUnknown("No user '" + name + "' in force");
    }
}
