package com.acme.tiering.api;

import com.acme.tiering.Text;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.acme.tiering.decision.Decision;
import com.acme.tiering.evaluation.TierOverride;
import com.acme.tiering.override.ManualOverride;
import com.acme.tiering.override.ManualOverrides;
import com.acme.tiering.ruleset.TierCatalog;

/**
 * Manual overrides: an operations manager sets a customer's tier by hand, with a reason and an expiry.
 * Setting and ending answer with the decision made at once with (or without) the override.
 */
@RestController
@RequestMapping("/api/v1/customers/{customerId}")
class OverrideController {

    private final ManualOverrides overrides;

    OverrideController(ManualOverrides overrides) {
        this.overrides = overrides;
    }

    /**
     * @param kind PIN: exactly this tier; FLOOR: never below it
     * @param expiresAt an instant, e.g. 2026-12-31T23:59:59Z; the override ends by itself then
     */
    record OverrideRequest(
            @NotNull @Pattern(regexp = TierCatalog.CODE, message = "must be a tier code such as A") String tier,
            @NotNull TierOverride.Kind kind,
            @NotBlank @Size(max = 1000) @Pattern(regexp = Text.LINES, message = Text.LINES_MESSAGE) String reason,
            @NotNull Instant expiresAt) {
    }

    @PutMapping("/override")
    Decision set(@PathVariable @Pattern(regexp = TierLookupController.CUSTOMER_ID,
            message = TierLookupController.CUSTOMER_ID_MESSAGE) String customerId,
            @Valid @RequestBody OverrideRequest request, Authentication who) {
        return overrides.set(customerId, new ManualOverrides.NewOverride(request.tier(), request.kind(),
                request.reason(), request.expiresAt()), who.getName());
    }

    @DeleteMapping("/override")
    Decision end(@PathVariable @Pattern(regexp = TierLookupController.CUSTOMER_ID,
            message = TierLookupController.CUSTOMER_ID_MESSAGE) String customerId, Authentication who) {
        return overrides.end(customerId, who.getName());
    }

    @GetMapping("/override")
    TierOverride inForce(@PathVariable @Pattern(regexp = TierLookupController.CUSTOMER_ID,
            message = TierLookupController.CUSTOMER_ID_MESSAGE) String customerId) {
        return overrides.inForce(customerId);
    }

    /** Every override the customer ever had, newest first, with who ended it, when and why. */
    @GetMapping("/overrides")
    List<ManualOverride> history(@PathVariable @Pattern(regexp = TierLookupController.CUSTOMER_ID,
            message = TierLookupController.CUSTOMER_ID_MESSAGE) String customerId) {
        return overrides.history(customerId);
    }
}
