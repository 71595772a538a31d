package com.acme.tiering.governance;

import java.util.List;

import com.acme.tiering.ruleset.RuleFile;

/**
 * An upload as the audit log shows it: the version it made, the rules it was based on and the digest of
 * every uploaded file, so the exact bytes can be matched against the stored version.
 *
 * @param basedOn content hash of the rules in force the uploaded files replaced files of
 */
record AuditedUpload(long versionId, VersionStatus status, String contentHash, String basedOn, String comment,
        List<FileDigest> files, List<FileDigest> tests, int findings, int failingTests) {

    record FileDigest(String name, String sha256, int bytes) {

        static List<FileDigest> of(List<RuleFile> files) {
            return files.stream().map(f -> new FileDigest(f.name(), f.sha256(), f.content().length)).toList();
        }
    }

    static AuditedUpload of(RulesetVersions.Version version, String basedOn, List<RuleFile> files,
            List<RuleFile> tests) {
        return new AuditedUpload(version.id(), version.status(), version.contentHash(), basedOn, version.comment(),
                FileDigest.of(files), FileDigest.of(tests), version.findings().size(), version.failingTests().size());
    }
}
