package com.acme.tiering.governance;

public class VersionNotSimulable extends RuntimeException {

    private final boolean exists;

    private VersionNotSimulable(String message, boolean exists) {
        super(message);
        this.exists = exists;
    }

    static VersionNotSimulable unknown(long id) {
        return new VersionNotSimulable("No ruleset version " + id, false);
    }

    static VersionNotSimulable rejected(long id) {
        return new VersionNotSimulable("Ruleset version " + id + " was rejected: fix its findings and upload again",
                true);
    }

    public boolean exists() {
        return exists;
    }
}
