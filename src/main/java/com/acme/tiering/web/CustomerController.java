package com.acme.tiering.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.acme.tiering.customer.CustomerNotFound;
import com.acme.tiering.customer.Customers;
import com.acme.tiering.decision.Decision;
import com.acme.tiering.override.ManualOverrides;
import com.acme.tiering.override.OverrideInvalid;
import com.acme.tiering.run.CustomerEvaluation;

/**
 * One customer: its decision explained, its history, open alerts and manual overrides; and for operations
 * managers the changes the API offers (evaluate now, set or end an override), through the same services.
 */
@Controller
@RequestMapping("/customers/{customerId}")
class CustomerController {

    static final String CUSTOMER_ID = com.acme.tiering.Text.CUSTOMER_ID;
    static final String CUSTOMER_ID_MESSAGE = com.acme.tiering.Text.CUSTOMER_ID_MESSAGE;

    private final CustomerPage page;
    private final Customers customers;
    private final CustomerEvaluation evaluation;
    private final ManualOverrides overrides;

    CustomerController(CustomerPage page, Customers customers, CustomerEvaluation evaluation,
            ManualOverrides overrides) {
        this.page = page;
        this.customers = customers;
        this.evaluation = evaluation;
        this.overrides = overrides;
    }

    @GetMapping
    String customer(@PathVariable @Pattern(regexp = CUSTOMER_ID, message = CUSTOMER_ID_MESSAGE) String customerId,
            Model model) {
        page.fill(model, customerId, OverrideForm.empty(), Map.of());
        return "customers/detail";
    }

    @PostMapping("/evaluation")
    String evaluate(@PathVariable @Pattern(regexp = CUSTOMER_ID, message = CUSTOMER_ID_MESSAGE) String customerId,
            RedirectAttributes redirect) {
        Decision decision = evaluation.evaluateOnRequest(customerId);
        redirect.addFlashAttribute("notice", "Evaluated " + customerId + " now: " + inForce(decision) + ".");
        return "redirect:/customers/{customerId}";
    }

    @PostMapping("/override")
    String setOverride(@PathVariable @Pattern(regexp = CUSTOMER_ID, message = CUSTOMER_ID_MESSAGE) String customerId,
            @ModelAttribute OverrideForm form, Authentication who, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (customers.find(customerId).isEmpty()) {
            throw CustomerNotFound.forId(customerId);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        ManualOverrides.NewOverride override = form.toOverride(page.zone(), page.today(), page.tiers(), errors);
        if (override != null) {
            try {
                Decision decision = overrides.set(customerId, override, who.getName());
                redirect.addFlashAttribute("notice", "Manual override set: " + override.kind() + " at "
                        + override.tier() + " until the end of " + form.expiresOn().strip() + ". " + inForce(decision)
                        + ".");
                return "redirect:/customers/{customerId}";
            }
            catch (OverrideInvalid refused) {
                errors.put(OverrideForm.FIELD_OF.getOrDefault(refused.field(), refused.field()), refused.getMessage());
            }
        }
        return refused(customerId, form, errors, model, response);
    }

    @PostMapping("/override/end")
    String endOverride(@PathVariable @Pattern(regexp = CUSTOMER_ID, message = CUSTOMER_ID_MESSAGE) String customerId,
            Authentication who, RedirectAttributes redirect) {
        Decision decision = overrides.end(customerId, who.getName());
        redirect.addFlashAttribute("notice", "Manual override ended. " + inForce(decision) + ".");
        return "redirect:/customers/{customerId}";
    }

    /** The page again, with what was typed and the message beside each field at fault; nothing was written. */
    private String refused(String customerId, OverrideForm form, Map<String, String> errors, Model model,
            HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        page.fill(model, customerId, form, errors);
        model.addAttribute("problem", OverrideForm.sentence(errors));
        return "customers/detail";
    }

    private static String inForce(Decision d) {
        String tier = "Tier in force: " + d.tier() + " (" + d.tierName() + ")";
        return d.rulesTier() != null && !d.rulesTier().equals(d.tier()) ? tier + "; the rules give " + d.rulesTier()
                : tier;
    }
}
