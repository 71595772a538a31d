package com.acme.tiering.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.acme.tiering.governance.RulesetVersions;
import com.acme.tiering.governance.VersionStatus;
import com.acme.tiering.ruleset.RuleFile;

/**
 * The page of one ruleset version: its record, events, files, findings with the rows they point at, failing
 * rule tests and what it may go on to. Filled for the page itself, for a rejected upload and for a refused change.
 */
@Component
class VersionPage {

    private final RulesetVersions versions;
    private final boolean approvalRequired;

    VersionPage(RulesetVersions versions, com.acme.tiering.TieringProperties properties) {
        this.versions = versions;
        this.approvalRequired = properties.rules().requireApproval();
    }

    /**
     * A file of the version; {@code compareWith} lists the other versions holding a file of the same name or, for a
     * decision table, the same table in another format (tiers.xlsx for tiers.xls).
     */
    public record FileView(String name, int sizeBytes, boolean spreadsheet, List<CompareOption> compareWith) {
    }

    /** @param sameContent the other version's file has exactly this version's bytes */
    public record CompareOption(long versionId, boolean sameContent) {
    }

    RulesetVersions.Version find(long id) {
        return versions.find(id).orElseThrow(() -> new PageNotFound("There is no ruleset version " + id + "."));
    }

    String show(RulesetVersions.Version version, Authentication who, Model model) {
        List<RuleFile> files = versions.filesOf(version.id());
        model.addAttribute("section", "rules");
        model.addAttribute("version", version);
        model.addAttribute("events", versions.events(version.id()));
        model.addAttribute("files", files.stream().map(file -> fileView(version.id(), file)).toList());
        model.addAttribute("findings", FindingPreviews.of(version.findings(), files));
        model.addAttribute("activeId", versions.activeVersion().map(RulesetVersions.Version::id).orElse(null));
        model.addAttribute("mayApprove",
                version.status() == VersionStatus.DRAFT && !version.author().equals(who.getName()));
        model.addAttribute("notYet", notYet(version));
        model.addAttribute("approvalRequired", approvalRequired);
        return "rules/version";
    }

    private FileView fileView(long id, RuleFile file) {
        boolean spreadsheet = SpreadsheetCells.readable(file.name());
        List<CompareOption> others = !spreadsheet ? List.of() : storedFilesOfTable(file).stream()
                .filter(other -> other.versionId() != id)
                .map(other -> new CompareOption(other.versionId(), other.sha256().equals(file.sha256()))).toList();
        return new FileView(file.name(), file.content().length, spreadsheet, others);
    }

    /** Every other version's file of this table, newest first, one per version (its file of this very name first). */
    private List<RulesetVersions.StoredFile> storedFilesOfTable(RuleFile file) {
        Map<Long, RulesetVersions.StoredFile> byVersion = new TreeMap<>(Comparator.reverseOrder());
        versions.storedFiles(file.name()).forEach(stored -> byVersion.put(stored.versionId(), stored));
        RuleFile.namesOfTable(file.table()).stream().filter(name -> !name.equals(file.name()))
                .flatMap(name -> versions.storedFiles(name).stream())
                .forEach(stored -> byVersion.putIfAbsent(stored.versionId(), stored));
        return List.copyOf(byVersion.values());
    }

    /**
     * What a draft still lacks before it can be published, as far as the version itself tells (the approval
     * rules are RulesetPublication's: publishing says so in words when one is missing).
     */
    private static List<String> notYet(RulesetVersions.Version version) {
        List<String> missing = new ArrayList<>();
        if (version.status() != VersionStatus.DRAFT) {
            return missing;
        }
        if (!version.findings().isEmpty()) {
            missing.add("its validation has " + version.findings().size() + " finding(s)");
        }
        if (!version.failingTests().isEmpty()) {
            missing.add(version.failingTests().size() + " rule-test scenario(s) fail");
        }
        if (version.simulation() == null) {
            missing.add("it has not been simulated: run the simulation first");
        }
        return missing;
    }
}
