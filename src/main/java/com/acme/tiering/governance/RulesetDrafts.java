package com.acme.tiering.governance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.acme.tiering.TieringProperties;
import com.acme.tiering.audit.AuditLog;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.CompiledRulesets;
import com.acme.tiering.ruleset.DuplicateTables;
import com.acme.tiering.ruleset.Finding;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.ruleset.RulesetCompiler;
import com.acme.tiering.ruleset.RulesetInvalid;

/**
 * A draft is the rules in force with some files replaced: it is checked, compiled and tested at once,
 * and stored as DRAFT (it compiles; its tests may still fail) or REJECTED (it does not, or its tier catalog drops a
 * tier customers, overrides or pending downgrades hold without saying which tier replaces it), never in force.
 */
@Service
public class RulesetDrafts {

    static final int MAX_FILES = 20;
    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    private static final Pattern TEST_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.csv$");
    private static final Pattern FILE_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(xlsx|xls|csv|drl)$");

    private final CompiledRulesets rulesets;
    private final ActiveRuleset active;
    private final RulesetVersions versions;
    private final Path ruleTests;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final TierRemovals removals;

    RulesetDrafts(CompiledRulesets rulesets, ActiveRuleset active, RulesetVersions versions,
            TieringProperties properties, TransactionTemplate transactions, AuditLog audit, TierRemovals removals) {
        this.rulesets = rulesets;
        this.removals = removals;
        this.transactions = transactions;
        this.audit = audit;
        this.active = active;
        this.versions = versions;
        this.ruleTests = properties.ruleTests().directory();
    }

    /**
     * What a draft came to: its version row with findings and failing tests.
     *
     * @throws UploadRefused before anything is stored when the files are unfit
     */
    public RulesetVersions.Version upload(List<RuleFile> uploaded, String author, String comment) {
        return upload(uploaded, List.of(), author, comment);
    }

    /** @param tests rule-test CSV files that replace same-named files of the rule-tests directory for this draft */
    public RulesetVersions.Version upload(List<RuleFile> uploaded, List<RuleFile> tests, String author,
            String comment) {
        refuseUnfitFiles(uploaded);
        refuseUnfitTests(tests);
        CompiledRuleset inForce = active.current();
        List<RuleFile> files = merged(inForce.files(), uploaded);
        String hash = RulesetCompiler.contentHash(files);
        try {
            CompiledRuleset draft = rulesets.compiled(files);
            List<Finding> unmapped = removals.unmapped(inForce, draft);
            if (!unmapped.isEmpty()) {
                return store(hash, files, VersionStatus.REJECTED, author, comment, unmapped, List.of(), List.of(),
                        new Audited(inForce.version(), uploaded, tests));
            }
            List<Finding> failingTests = RuleTestGate.failures(draft, ruleTests, tests);
            return store(hash, files, VersionStatus.DRAFT, author, comment, List.of(), failingTests, tests,
                    new Audited(inForce.version(), uploaded, tests));
        }
        catch (RulesetInvalid invalid) {
            return store(hash, files, VersionStatus.REJECTED, author, comment, invalid.findings(), List.of(), List.of(),
                    new Audited(inForce.version(), uploaded, tests));
        }
    }

    private record Audited(String basedOn, List<RuleFile> uploaded, List<RuleFile> tests) {
    }

    /** The version, its test files, its UPLOADED event and its audit entry are written together or not at all. */
    private RulesetVersions.Version store(String hash, List<RuleFile> files, VersionStatus status, String author,
            String comment, List<Finding> findings, List<Finding> failingTests, List<RuleFile> tests, Audited upload) {
        return transactions.execute(tx -> {
            long id = versions.record(hash, files, status, author, comment, findings, failingTests);
            versions.storeTestFiles(id, tests);
            versions.event(id, "UPLOADED", author, comment);
            RulesetVersions.Version version = versions.find(id).orElseThrow();
            boolean draft = status == VersionStatus.DRAFT;
            audit.record(draft ? "RULESET_UPLOADED" : "RULESET_REJECTED", "ruleset", String.valueOf(id), null,
                    AuditedUpload.of(version, upload.basedOn(), upload.uploaded(), upload.tests()), draft ? 201 : 422);
            return version;
        });
    }

    /**
     * The files of the rules in force, each uploaded file replacing the one of the same name or of the same table:
     * {@code tiers.xls} (the table saved from Excel 97 or LibreOffice) takes the place of {@code tiers.xlsx}.
     */
    static List<RuleFile> merged(List<RuleFile> inForce, List<RuleFile> uploaded) {
        List<RuleFile> files = new ArrayList<>(inForce.stream()
                .filter(file -> uploaded.stream().noneMatch(upload -> upload.replaces(file))).toList());
        files.addAll(uploaded);
        return files;
    }

    /**
     * Too many, too big, or badly named files, or two files of one table, are refused before anything is read or
     * stored.
     */
    static void refuseUnfitFiles(List<RuleFile> uploaded) {
        List<Finding> findings = new ArrayList<>();
        boolean tooLarge = false;
        if (uploaded.isEmpty() || uploaded.size() > MAX_FILES) {
            findings.add(Finding.error("(upload)", null, null, null, "Upload 1 to " + MAX_FILES + " files, not "
                    + uploaded.size(), null));
        }
        for (RuleFile file : uploaded) {
            if (!FILE_NAME.matcher(file.name()).matches()) {
                findings.add(Finding.error(safeName(file.name()), null, null, null, "This file name is not accepted",
                        "A plain name ending in .xlsx, .xls, .csv or .drl: letters, digits, . _ - and no folders"));
            }
            else if (file.content().length > MAX_FILE_BYTES) {
                tooLarge = true;
                findings.add(Finding.error(file.name(), null, null, null, "The file is larger than "
                        + MAX_FILE_BYTES / (1024 * 1024) + " MB", "Rule files are small: check it is the right file"));
            }
        }
        if (findings.isEmpty()) {
            findings.addAll(DuplicateTables.in(uploaded, "Upload one of them: it replaces the file in force that holds "
                    + "this table, whichever of .xlsx, .xls or .csv that is"));
        }
        if (!findings.isEmpty()) {
            throw new UploadRefused(findings, tooLarge);
        }
    }

    private static void refuseUnfitTests(List<RuleFile> tests) {
        List<Finding> findings = new ArrayList<>();
        for (RuleFile test : tests) {
            if (!TEST_NAME.matcher(test.name()).matches() || test.content().length > MAX_FILE_BYTES) {
                findings.add(Finding.error(safeName(test.name()), null, null, null,
                        "A rule-test file is a plain .csv name of at most " + MAX_FILE_BYTES / (1024 * 1024) + " MB",
                        null));
            }
        }
        if (tests.size() > MAX_FILES) {
            findings.add(Finding.error("(upload)", null, null, null, "At most " + MAX_FILES + " test files", null));
        }
        if (!findings.isEmpty()) {
            throw new UploadRefused(findings, false);
        }
    }

    private static String safeName(String name) {
        String printable = name == null ? "" : name.replaceAll("[^\\p{Print}]", "?");
        return printable.length() > 100 ? printable.substring(0, 100) + "…" : printable;
    }
}
