package com.acme.tiering.ruleset;

/**
 * A ruleset version was put in force in this service: raised once its status is committed and its compiled rules
 * are the {@link ActiveRuleset}'s, so a listener that reads the active ruleset finds it (or a newer one).
 *
 * @param versionId the stored version now in force
 * @param contentHash its rules' content hash, the version its decisions record
 * @param previousVersionId the stored version it replaced, null when none was recorded as in force
 * @param previousContentHash the content hash of the rules it replaced
 * @param action how it came into force: PUBLISHED (a draft) or ACTIVATED (a version in force before)
 * @param actor who put it in force
 */
public record RulesetActivated(long versionId, String contentHash, Long previousVersionId, String previousContentHash,
        String action, String actor) {
}
