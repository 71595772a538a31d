package com.acme.tiering.web;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.acme.tiering.TieringProperties;
import com.acme.tiering.run.EvaluationRun;
import com.acme.tiering.run.EvaluationRuns;
import com.acme.tiering.run.RunAlreadyInProgress;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Evaluation runs: the latest ones, one run with its live progress, and for an operations manager a button
 * that starts a run exactly as POST /api/v1/evaluation-runs does (one run at a time, audited).
 */
@Controller
class RunsController {

    /** What started a run from these pages, as the run's trigger shows it (the API's runs say API). */
    static final String TRIGGER = "PAGE";

    private static final int HISTORY = 50;

    private final EvaluationRuns runs;
    private final Clock clock;
    private final String zone;

    RunsController(EvaluationRuns runs, Clock clock, TieringProperties properties) {
        this.runs = runs;
        this.clock = clock;
        this.zone = properties.zone().getId();
    }

    @GetMapping("/runs")
    String list(Model model) {
        model.addAttribute("section", "runs");
        model.addAttribute("zone", zone);
        model.addAttribute("runs", runs.latest(HISTORY).stream().map(run -> RunLine.of(run, clock.instant())).toList());
        return "runs/list";
    }

    @PostMapping("/runs")
    String start(Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            EvaluationRun run = runs.start(TRIGGER);
            redirect.addFlashAttribute("notice", "Run " + run.id() + " started.");
            return "redirect:/runs/" + run.id();
        }
        catch (RunAlreadyInProgress going) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refusal", "Not started: " + going.getMessage() + ".");
            model.addAttribute("runningId", going.runningId() > 0 ? going.runningId() : null);
            return list(model);
        }
    }

    /** @throws com.acme.tiering.run.RunNotFound as a 404 page */
    @GetMapping("/runs/{id}")
    String run(@PathVariable long id, Model model) {
        model.addAttribute("section", "runs");
        show(runs.find(id), model);
        return "runs/run";
    }

    /** This run's progress, polled by its page every two seconds while it goes, with its details. */
    @GetMapping("/runs/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        show(runs.find(id), model);
        model.addAttribute("outOfBand", true);
        return "runs/progress";
    }

    private void show(EvaluationRun run, Model model) {
        model.addAttribute("zone", zone);
        model.addAttribute("run", run);
        model.addAttribute("line", RunLine.of(run, clock.instant()));
        model.addAttribute("progressUrl", "/runs/" + run.id() + "/progress");
        model.addAttribute("progressHeading", "Progress");
    }
}
