package com.acme.tiering.run;

/**
 * A room that must not depend on the run service asked for a full evaluation run, e.g. the demo room once it has
 * loaded the demo dataset. Heard at once: the run starts as {@link EvaluationRuns#start} would start it.
 *
 * @param trigger what the run is recorded as started by (DEMO)
 */
public record RunRequested(String trigger) {
}
