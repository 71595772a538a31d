package com.acme.tiering.decision;

import java.util.List;

/**
 * Decisions one transaction recorded and the churn alerts it opened; published by {@link DecisionRecorder}
 * and heard after commit, so a rolled-back chunk of a run is never counted.
 *
 * @param runId the evaluation run that made the decisions, null for single-customer evaluations
 */
public record DecisionsRecorded(List<Decision> decisions, Long runId, List<AlertOpened> alertsOpened) {
}
