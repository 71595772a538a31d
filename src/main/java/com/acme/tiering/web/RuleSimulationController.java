package com.acme.tiering.web;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.acme.tiering.governance.RulesetSimulation;
import com.acme.tiering.governance.RulesetVersions;
import com.acme.tiering.governance.SimulationReport;
import com.acme.tiering.ruleset.ActiveRuleset;

/**
 * The impact preview of a version: run through RulesetSimulation as the API does, which keeps the latest report
 * with the version; shown with the tier migration (tier in force now → tier in force after putting the version in
 * force) as a heat map whose changed cells open example customers, and beside it what the tier table alone gives
 * and the downgrades the grace period holds; for a change of the tier catalog, the tiers renamed, added, removed and
 * re-ranked, and where the customers, overrides and pending downgrades of a removed tier go.
 */
@Controller
class RuleSimulationController {

    private final RulesetSimulation simulation;
    private final RulesetVersions versions;
    private final VersionPage page;
    private final ActiveRuleset active;

    RuleSimulationController(RulesetSimulation simulation, RulesetVersions versions, VersionPage page,
            ActiveRuleset active) {
        this.active = active;
        this.simulation = simulation;
        this.versions = versions;
        this.page = page;
    }

    @PostMapping("/rules/{id}/simulation")
    String simulate(@PathVariable long id, RedirectAttributes redirect) {
        page.find(id);
        SimulationReport report = simulation.simulate(id);
        redirect.addFlashAttribute("notice", "Version " + id + " was simulated on " + report.customers()
                + " customers.");
        return "redirect:/rules/" + id + "/simulation";
    }

    @GetMapping("/rules/{id}/simulation")
    String report(@PathVariable long id, Model model) {
        RulesetVersions.Version version = page.find(id);
        SimulationReport report = version.simulation();
        model.addAttribute("section", "rules");
        model.addAttribute("version", version);
        model.addAttribute("report", report);
        if (report != null) {
            List<String> order = active.current().tiers().codes();
            model.addAttribute("heatmap", TierHeatmap.of(report.tierMigration(), order));
            model.addAttribute("qualified", report.qualifiedTierMigration() == null ? null
                    : TierHeatmap.of(report.qualifiedTierMigration(), order));
            model.addAttribute("shares", TierHeatmap.shares(report, order));
            model.addAttribute("holders", holders(report));
            model.addAttribute("stale", versions.activeVersion()
                    .map(active -> !active.contentHash().equals(report.activeVersion())).orElse(false));
        }
        return "rules/simulation";
    }

    /** Customers per tier in force now (the rows of the tier migration): who a rename gives a history row. */
    private static java.util.Map<String, Long> holders(SimulationReport report) {
        java.util.Map<String, Long> holders = new java.util.HashMap<>();
        report.tierMigration().forEach((from, to) -> holders.put(from, to.values().stream().mapToLong(Long::longValue)
                .sum()));
        return holders;
    }

    /** The example customers of one cell of the heat map: a panel for htmx, a page otherwise. */
    @GetMapping("/rules/{id}/simulation/examples")
    String examples(@PathVariable long id, @RequestParam @Size(max = 20) String from,
            @RequestParam @Size(max = 20) String to,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        RulesetVersions.Version version = page.find(id);
        SimulationReport report = version.simulation();
        if (report == null) {
            throw new PageNotFound("Version " + id + " has not been simulated yet, so it has no example customers.");
        }
        TierHeatmap heatmap = TierHeatmap.of(report.tierMigration(), active.current().tiers().codes());
        for (String tier : List.of(from, to)) {
            if (!heatmap.hasTier(tier)) {
                throw new PageNotFound("The simulation of version " + id + " has no tier '" + tier + "'; its tiers are "
                        + String.join(", ", heatmap.tiers()) + ".");
            }
        }
        model.addAttribute("section", "rules");
        model.addAttribute("version", version);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("count", heatmap.rows().get(heatmap.tiers().indexOf(from)).cells()
                .get(heatmap.tiers().indexOf(to)).count());
        model.addAttribute("customers", report.examples().getOrDefault(from + " → " + to, List.of()));
        return htmx != null ? "rules/examples :: panel" : "rules/examples";
    }
}
