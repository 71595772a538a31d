package com.acme.tiering.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.acme.tiering.TieringProperties;
import com.acme.tiering.decision.AlertTransitionRefused;
import com.acme.tiering.decision.ChurnAlert;
import com.acme.tiering.decision.ChurnAlerts;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Churn alerts for operations managers: the list, filtered and paged as the API's, and one alert with its
 * history, which an operations manager acknowledges or resolves with the same checks as through the API.
 */
@Controller
class AlertsController {

    /** Where a quick acknowledgement on the list may send the user back to: the list, with its filters. */
    private static final java.util.regex.Pattern LIST = java.util.regex.Pattern.compile("/alerts(\\?[A-Za-z0-9%&=+._*-]*)?");

    private final ChurnAlerts alerts;
    private final String zone;

    AlertsController(ChurnAlerts alerts, TieringProperties properties) {
        this.alerts = alerts;
        this.zone = properties.zone().getId();
    }

    /** A filter left empty in the form means no filter, as leaving it out of the address does. */
    @InitBinder({ "status", "risk", "owner", "trigger" })
    void emptyFilterIsNoFilter(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    /** Newest first; the same filters and limits as GET /api/v1/churn-alerts. */
    @GetMapping("/alerts")
    String list(
            @RequestParam(required = false) @Pattern(regexp = "OPEN|ACKNOWLEDGED|RESOLVED|CLOSED",
                    message = "must be one of OPEN, ACKNOWLEDGED, RESOLVED, CLOSED") String status,
            @RequestParam(required = false) @Pattern(regexp = "LOW|MEDIUM|HIGH",
                    message = "must be one of LOW, MEDIUM, HIGH") String risk,
            @RequestParam(required = false) @Size(max = 100) String owner,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,40}",
                    message = "must be a trigger id such as OVERDUE_PURCHASE") String trigger,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "" + AlertFilters.DEFAULT_SIZE) @Min(1) @Max(500) int size,
            Model model) {
        AlertFilters filters = new AlertFilters(status, risk, owner, trigger, overdue, page, size);
        List<ChurnAlert> found = alerts.list(status, risk, owner, trigger, overdue, page, size);
        model.addAttribute("section", "alerts");
        model.addAttribute("zone", zone);
        model.addAttribute("filters", filters);
        model.addAttribute("alerts", found);
        model.addAttribute("hasNext", found.size() == size);
        return "alerts/list";
    }

    @GetMapping("/alerts/{id}")
    String alert(@PathVariable long id, Model model) {
        return show(alerts.details(id), model);
    }

    /** The comment is optional. From the list, the user goes back to the list they came from. */
    @PostMapping("/alerts/{id}/acknowledgement")
    String acknowledge(@PathVariable long id, @Valid @ModelAttribute("acknowledgement") AlertForms.Acknowledgement form,
            BindingResult errors, Authentication who, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return refused(id, HttpStatus.BAD_REQUEST, "acknowledgement", errors, model, response);
        }
        try {
            alerts.acknowledge(id, who.getName(), form.comment());
        }
        catch (AlertTransitionRefused refused) {
            return refused(id, HttpStatus.CONFLICT, refused.getMessage(), model, response);
        }
        redirect.addFlashAttribute("notice", "Churn alert " + id + " acknowledged.");
        return "redirect:" + (form.back() != null && LIST.matcher(form.back()).matches() ? form.back() : "/alerts/" + id);
    }

    /** The comment is required: it says what was done. */
    @PostMapping("/alerts/{id}/resolution")
    String resolve(@PathVariable long id, @Valid @ModelAttribute("resolution") AlertForms.Resolution form,
            BindingResult errors, Authentication who, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return refused(id, HttpStatus.BAD_REQUEST, "resolution", errors, model, response);
        }
        try {
            alerts.resolve(id, who.getName(), form.comment());
        }
        catch (AlertTransitionRefused refused) {
            return refused(id, HttpStatus.CONFLICT, refused.getMessage(), model, response);
        }
        redirect.addFlashAttribute("notice", "Churn alert " + id + " resolved.");
        return "redirect:/alerts/" + id;
    }

    private String show(ChurnAlert.Details details, Model model) {
        model.addAttribute("section", "alerts");
        model.addAttribute("zone", zone);
        model.addAttribute("alert", details.alert());
        model.addAttribute("history", details.history());
        return "alerts/alert";
    }

    /** The alert again, as it is now, with what was wrong in words and nothing written. */
    private String refused(long id, HttpStatus status, String form, BindingResult errors, Model model,
            HttpServletResponse response) {
        String what = String.join("; ", errors.getFieldErrors().stream()
                .map(e -> e.getField() + ": " + e.getDefaultMessage()).toList());
        model.addAttribute("failedForm", form);
        model.addAttribute("formError", what);
        return refused(id, status, "Check what you entered. " + what, model, response);
    }

    private String refused(long id, HttpStatus status, String problem, Model model, HttpServletResponse response) {
        ChurnAlert.Details details = alerts.details(id);
        response.setStatus(status.value());
        model.addAttribute("problem", problem);
        return show(details, model);
    }
}
