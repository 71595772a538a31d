package com.acme.tiering.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.acme.tiering.decision.ChurnAlerts;
import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.decision.DecisionSummary;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.TierCatalog;
import com.acme.tiering.run.EvaluationRun;
import com.acme.tiering.run.EvaluationRuns;

/**
 * The dashboard: how the customer base is tiered now (per tier, lifecycle stage and RFM segment), open churn
 * alerts by risk, the last evaluation run with its live progress, and the tier counts across the last runs.
 */
@Controller
class DashboardController {

    private static final int TREND_RUNS = 12;

    private final DecisionQueries decisions;
    private final ChurnAlerts alerts;
    private final EvaluationRuns runs;
    private final ActiveRuleset active;

    DashboardController(DecisionQueries decisions, ChurnAlerts alerts, EvaluationRuns runs, ActiveRuleset active) {
        this.active = active;
        this.decisions = decisions;
        this.alerts = alerts;
        this.runs = runs;
    }

    /** A series for a chart and its table: labels and values in the same order. */
    public record Series(List<String> labels, List<Long> values) {

        public static Series of(Map<String, Long> counts) {
            return new Series(new ArrayList<>(counts.keySet()), new ArrayList<>(counts.values()));
        }

        public boolean isEmpty() {
            return values.stream().mapToLong(Long::longValue).sum() == 0;
        }
    }

    /** Tier counts at the end of each run: one line per tier, one point per run. */
    public record Trend(List<String> runs, Map<String, List<Long>> byTier) {

        public boolean isEmpty() {
            return runs.isEmpty();
        }
    }

    @GetMapping("/")
    String dashboard(Model model) {
        DecisionSummary summary = decisions.summary();
        TierCatalog tiers = active.current().tiers();
        model.addAttribute("section", "dashboard");
        model.addAttribute("summary", summary);
        model.addAttribute("tiers", Series.of(inOrder(summary.byTier(), tiers.codes())));
        model.addAttribute("stages", Series.of(summary.byLifecycleStage()));
        model.addAttribute("segments", Series.of(summary.byRfmSegment()));
        ChurnAlerts.OpenAlerts open = alerts.open();
        model.addAttribute("openAlerts", open);
        model.addAttribute("alertRisks", Series.of(open.byRisk()));
        model.addAttribute("trend", trend(runs.tierTrend(TREND_RUNS), tiers.codes()));
        // names and colours by code, for the charts app.js draws
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> colours = new LinkedHashMap<>();
        tiers.byRank().forEach(tier -> {
            names.put(tier.code(), tier.name());
            if (tier.colour() != null) {
                colours.put(tier.code(), tier.colour());
            }
        });
        model.addAttribute("tierNames", names);
        model.addAttribute("tierColours", colours);
        model.addAttribute("run", runs.latest(1).stream().findFirst().orElse(null));
        return "dashboard";
    }

    /** The last run's progress, polled by the dashboard every two seconds while the run goes. */
    @GetMapping("/dashboard/run")
    String lastRun(Model model) {
        EvaluationRun run = runs.latest(1).stream().findFirst().orElse(null);
        model.addAttribute("run", run);
        return "fragments/run-progress :: progress";
    }

    static Map<String, Long> inOrder(Map<String, Long> counts, List<String> order) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        order.forEach(key -> ordered.put(key, counts.getOrDefault(key, 0L)));
        counts.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static Trend trend(SortedMap<Long, Map<String, Long>> byRun, List<String> tiers) {
        List<String> labels = byRun.keySet().stream().map(id -> "Run " + id).toList();
        Map<String, List<Long>> byTier = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(tiers);
        byRun.values().forEach(counts -> counts.keySet().stream().filter(t -> !all.contains(t)).sorted().forEach(all::add));
        all.forEach(tier -> byTier.put(tier, byRun.values().stream().map(c -> c.getOrDefault(tier, 0L)).toList()));
        return new Trend(labels, byTier);
    }
}
