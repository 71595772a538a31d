package com.acme.tiering.api;

import com.acme.tiering.Text;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.acme.tiering.decision.ChurnAlert;
import com.acme.tiering.decision.ChurnAlerts;

/**
 * Churn alerts: listed for account owners and managers; acknowledged and resolved by an operations manager,
 * each change recorded with who, when and the comment.
 */
@RestController
@RequestMapping("/api/v1/churn-alerts")
class ChurnAlertController {

    private final ChurnAlerts alerts;

    ChurnAlertController(ChurnAlerts alerts) {
        this.alerts = alerts;
    }

    record Acknowledgement(@Size(max = 2000) @Pattern(regexp = Text.LINES, message = Text.LINES_MESSAGE) String comment) {
    }

    record Resolution(@NotBlank(message = "must say what was done") @Size(max = 2000)
            @Pattern(regexp = Text.LINES, message = Text.LINES_MESSAGE) String comment) {
    }

    /** Newest first, filtered by any of status, risk, owner, trigger and overdue. */
    @GetMapping
    List<ChurnAlert> alerts(
            @RequestParam(required = false) @Pattern(regexp = "OPEN|ACKNOWLEDGED|RESOLVED|CLOSED",
                    message = "must be one of OPEN, ACKNOWLEDGED, RESOLVED, CLOSED") String status,
            @RequestParam(required = false) @Pattern(regexp = "LOW|MEDIUM|HIGH",
                    message = "must be one of LOW, MEDIUM, HIGH") String risk,
            @RequestParam(required = false) @Size(max = 100) String owner,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,40}",
                    message = "must be a trigger id such as OVERDUE_PURCHASE") String trigger,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return alerts.list(status, risk, owner, trigger, overdue, page, size);
    }

    /** The alert with its history of transitions, oldest first. */
    @GetMapping("/{id}")
    ChurnAlert.Details alert(@PathVariable long id) {
        return alerts.details(id);
    }

    /** The comment is optional, and so is the body. */
    @PostMapping("/{id}/acknowledgement")
    ChurnAlert.Details acknowledge(@PathVariable long id,
            @Valid @RequestBody(required = false) Acknowledgement request, Authentication who) {
        return alerts.acknowledge(id, who.getName(), request == null ? null : request.comment());
    }

    @PostMapping("/{id}/resolution")
    ChurnAlert.Details resolve(@PathVariable long id, @Valid @RequestBody Resolution request, Authentication who) {
        return alerts.resolve(id, who.getName(), request.comment());
    }
}
