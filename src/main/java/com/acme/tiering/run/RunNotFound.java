package com.acme.tiering.run;

public class RunNotFound extends RuntimeException {

    private RunNotFound(String message) {
        super(message);
    }

    static RunNotFound withId(long runId) {
        return new RunNotFound("No evaluation run with id " + runId);
    }
}
