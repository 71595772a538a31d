package com.acme.tiering.governance;

/**
 * Where a ruleset version stands. The database column and the JSON keep the names as text, so the constants
 * must not be renamed.
 */
public enum VersionStatus {
    /** Uploaded and compiled, waiting for approval. */
    DRAFT,
    /** The version in force; there is at most one. */
    ACTIVE,
    /** Was in force once; may be put back in force. */
    RETIRED,
    /** Refused by the checks; kept to show why. */
    REJECTED
}
