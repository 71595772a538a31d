package com.acme.tiering.decision;

import java.time.LocalDate;

/**
 * A decision made again as it was before a ruleset version that has been rolled back: recorded with this
 * since-date and a history row that says which version's rollback restored it.
 */
public record Restoration(long rolledBackVersionId, String rolledBackVersion, LocalDate tierSince) {
}
