package com.acme.tiering.decision;

/**
 * A version that was in force before put back in force, rolling back the version then in force: decisions that
 * the rolled-back version made are restored where the customer's facts are unchanged (docs/publishing.md).
 *
 * @param rolledBackVersion and {@code restoredVersion}: the content hashes decisions record as rulesetVersion
 */
public record Rollback(long rolledBackId, String rolledBackVersion, long restoredId, String restoredVersion) {
}
