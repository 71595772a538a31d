package com.acme.tiering.api;

import com.acme.tiering.Text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.decision.StoredTierLookup;

/** Tier lookups for sales systems: one customer, or up to 1,000 in one request. */
@RestController
@RequestMapping("/api/v1")
class TierLookupController {

    static final String CUSTOMER_ID = Text.CUSTOMER_ID;
    static final String CUSTOMER_ID_MESSAGE = Text.CUSTOMER_ID_MESSAGE;

    private final DecisionQueries decisions;

    TierLookupController(DecisionQueries decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/customers/{customerId}/tier")
    StoredTierLookup tier(
            @PathVariable @Pattern(regexp = CUSTOMER_ID, message = CUSTOMER_ID_MESSAGE) String customerId) {
        return decisions.lookupOrThrow(customerId);
    }

    record BulkLookup(@NotNull @Size(min = 1, max = 1000) List<
            @NotNull @Pattern(regexp = CUSTOMER_ID, message = CUSTOMER_ID_MESSAGE) String> customerIds) {
    }

    /**
     * @param unknownCustomerIds ids of no customer at all
     * @param notEvaluatedCustomerIds customers that exist but have no decision yet
     */
    record BulkLookupResult(List<StoredTierLookup> decisions, List<String> unknownCustomerIds,
            List<String> notEvaluatedCustomerIds) {
    }

    @PostMapping("/tiers/lookup")
    BulkLookupResult lookup(@Valid @RequestBody BulkLookup request) {
        Set<String> requested = new LinkedHashSet<>(request.customerIds());
        List<StoredTierLookup> found = decisions.lookups(requested);
        Set<String> missing = new LinkedHashSet<>(requested);
        found.forEach(d -> missing.remove(d.customerId()));
        Set<String> existing = decisions.existingCustomers(missing);
        return new BulkLookupResult(found, missing.stream().filter(id -> !existing.contains(id)).toList(),
                missing.stream().filter(existing::contains).toList());
    }
}
