package com.acme.tiering.run;

/**
 * Where an evaluation run stands. The database column, the metrics tag and the JSON keep the names as text, so
 * the constants must not be renamed.
 */
public enum RunStatus {
    RUNNING,
    COMPLETED,
    FAILED
}
