package com.acme.tiering.run;

public class RunAlreadyInProgress extends RuntimeException {

    private final long runningId;

    private RunAlreadyInProgress(long runningId) {
        super("Evaluation run " + runningId + " is still in progress; one run at a time");
        this.runningId = runningId;
    }

    static RunAlreadyInProgress withId(long runningId) {
        return new RunAlreadyInProgress(runningId);
    }

    public long runningId() {
        return runningId;
    }
}
