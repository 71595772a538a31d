package com.acme.tiering.api;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.acme.tiering.run.EvaluationRun;
import com.acme.tiering.run.EvaluationRuns;

/** Full evaluation runs: start one (it runs in the background) and follow its progress. */
@RestController
@RequestMapping("/api/v1/evaluation-runs")
class EvaluationRunController {

    private final EvaluationRuns runs;

    EvaluationRunController(EvaluationRuns runs) {
        this.runs = runs;
    }

    @PostMapping
    ResponseEntity<EvaluationRun> start() {
        EvaluationRun run = runs.start("API");
        return ResponseEntity.accepted().location(URI.create("/api/v1/evaluation-runs/" + run.id())).body(run);
    }

    @GetMapping("/{id}")
    EvaluationRun run(@PathVariable long id) {
        return runs.find(id);
    }

    @GetMapping
    List<EvaluationRun> latest(@RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return runs.latest(limit);
    }
}
