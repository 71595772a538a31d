package com.acme.tiering.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.acme.tiering.decision.ChurnAlert;
import com.acme.tiering.decision.DecisionQueries;

@RestController
@RequestMapping("/api/v1/churn-alerts")
class ChurnAlertController {

    private final DecisionQueries decisions;

    ChurnAlertController(DecisionQueries decisions) {
        this.decisions = decisions;
    }

    /** Newest first, filtered by any of status, risk, owner and trigger. */
    @GetMapping
    List<ChurnAlert> alerts(
            @RequestParam(required = false) @Pattern(regexp = "OPEN|ACKNOWLEDGED|RESOLVED|CLOSED",
                    message = "must be one of OPEN, ACKNOWLEDGED, RESOLVED, CLOSED") String status,
            @RequestParam(required = false) @Pattern(regexp = "LOW|MEDIUM|HIGH",
                    message = "must be one of LOW, MEDIUM, HIGH") String risk,
            @RequestParam(required = false) @Size(max = 100) String owner,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,40}",
                    message = "must be a trigger id such as OVERDUE_PURCHASE") String trigger,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return decisions.alerts(status, risk, owner, trigger, page, size);
    }
}
