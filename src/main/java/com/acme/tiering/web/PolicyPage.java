package com.acme.tiering.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.governance.RulesetVersions;
import com.acme.tiering.governance.SimulationReport;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.CompiledRuleset;
import com.acme.tiering.ruleset.RuleFile;
import com.acme.tiering.ruleset.RulesetPolicies;
import com.acme.tiering.ruleset.RulesetPolicy;

/**
 * The policy of the version in force (its tiers with the customers each holds now, its declared entitlements and
 * plan rows, its churn triggers) and, beside it, another version's with what differs marked: the lines come from
 * the versions' policies ({@link RulesetPolicies}), the customers from the current decisions and, for the other
 * version, from its simulation. Every file that differs links to the cell-by-cell comparison.
 */
@Component
class PolicyPage {

    /**
     * A rule file that differs between the version in force and the other one.
     *
     * @param diff the address of its cell-by-cell comparison, null where there is none (DRL, a file one lacks)
     */
    public record FileChange(String name, String change, String diff) {
    }

    private final RulesetVersions versions;
    private final ActiveRuleset active;
    private final RulesetPolicies policies;
    private final DecisionQueries decisions;

    PolicyPage(RulesetVersions versions, ActiveRuleset active, RulesetPolicies policies, DecisionQueries decisions) {
        this.versions = versions;
        this.active = active;
        this.policies = policies;
        this.decisions = decisions;
    }

    /** The policy in force alone, as the Rules page shows its tiers. */
    PolicyComparison inForce() {
        return PolicyComparison.of(policies.of(active.current()), null, decisions.tierCounts(), null);
    }

    /** @param other the version to show beside the one in force, null for none */
    String show(RulesetVersions.Version other, Model model) {
        CompiledRuleset current = active.current();
        RulesetVersions.Version inForce = versions.activeVersion().orElse(null);
        if (other != null && inForce != null && other.id() == inForce.id()) {
            model.addAttribute("notice", "Version " + other.id() + " is the version in force.");
            other = null;
        }
        Optional<RulesetPolicy> otherPolicy = other == null ? Optional.empty()
                : policies.of(versions.filesOf(other.id()));
        if (other != null && otherPolicy.isEmpty()) {
            model.addAttribute("problem", "Version " + other.id() + " has no tier catalog that can be read, so its "
                    + "policy cannot be shown: its findings say why.");
        }
        RulesetVersions.Version shown = otherPolicy.isPresent() ? other : null;
        SimulationReport simulation = shown == null ? null : shown.simulation();
        model.addAttribute("section", "rules");
        model.addAttribute("inForce", inForce);
        model.addAttribute("other", shown);
        model.addAttribute("refused", other != null && otherPolicy.isEmpty() ? other : null);
        PolicyComparison policy = PolicyComparison.of(policies.of(current), otherPolicy.orElse(null),
                decisions.tierCounts(), simulation == null ? null : customersAfter(simulation));
        model.addAttribute("policy", policy);
        model.addAttribute("differences", PolicyDifferences.of(policy));
        model.addAttribute("simulation", simulation);
        model.addAttribute("simulatedAgainstOtherRules", simulation != null
                && !simulation.activeVersion().equals(current.version()));
        model.addAttribute("choices", versions.all().stream()
                .filter(v -> inForce == null || v.id() != inForce.id()).toList());
        model.addAttribute("fileChanges", shown == null || inForce == null ? List.of()
                : fileChanges(inForce.id(), current.files(), shown.id(), versions.filesOf(shown.id())));
        return "rules/policy";
    }

    /** Customers per tier once the version is in force: the columns of the simulation's tier migration. */
    private static Map<String, Long> customersAfter(SimulationReport simulation) {
        Map<String, Long> after = new LinkedHashMap<>();
        simulation.tierMigration().values().forEach(to -> to.forEach((tier, n) -> after.merge(tier, n, Long::sum)));
        return after;
    }

    /** The files that differ, by table: tiers.xls in one version and tiers.xlsx in the other are one file. */
    private static List<FileChange> fileChanges(long fromId, List<RuleFile> from, long toId, List<RuleFile> to) {
        List<FileChange> changes = new ArrayList<>();
        for (RuleFile later : to) {
            Optional<RuleFile> earlier = from.stream().filter(f -> RuleFile.sameTable(f.name(), later.name()))
                    .findFirst();
            if (earlier.isEmpty()) {
                changes.add(new FileChange(later.name(), "added", null));
            }
            else if (!earlier.get().sha256().equals(later.sha256())) {
                changes.add(new FileChange(later.name(), "changed", SpreadsheetCells.readable(later.name())
                        ? diff(fromId, toId, later.name()) : null));
            }
        }
        from.stream().filter(earlier -> to.stream().noneMatch(f -> RuleFile.sameTable(f.name(), earlier.name())))
                .forEach(earlier -> changes.add(new FileChange(earlier.name(), "removed", null)));
        return changes;
    }

    private static String diff(long from, long to, String file) {
        return UriComponentsBuilder.fromPath("/rules/diff").queryParam("from", from).queryParam("to", to)
                .queryParam("file", file).encode().build().toUriString();
    }
}
