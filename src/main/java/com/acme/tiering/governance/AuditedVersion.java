package com.acme.tiering.governance;

/**
 * A ruleset version as the audit log shows it before and after a change: enough to find it again (its id
 * and the content hash decisions record), not its files.
 *
 * @param reason the reason or comment the person gave, if any
 */
record AuditedVersion(long versionId, String contentHash, VersionStatus status, String reason) {

    static AuditedVersion of(RulesetVersions.Version version, String reason) {
        return version == null ? null
                : new AuditedVersion(version.id(), version.contentHash(), version.status(), reason);
    }
}
