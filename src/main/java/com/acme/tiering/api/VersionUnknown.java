package com.acme.tiering.api;

class VersionUnknown extends RuntimeException {

    private VersionUnknown(String message) {
        super(message);
    }

    static VersionUnknown withId(long id) {
        return new VersionUnknown("No ruleset version " + id);
    }

    static VersionUnknown hashFile(String rulesetVersion, String name) {
        return new VersionUnknown("Ruleset version " + rulesetVersion + " has no file '" + name + "'");
    }

    static VersionUnknown file(long id, String name) {
        return new VersionUnknown("Ruleset version " + id + " has no file '" + name + "'");
    }
}
