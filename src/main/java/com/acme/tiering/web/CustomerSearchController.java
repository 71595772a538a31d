package com.acme.tiering.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import com.acme.tiering.decision.CustomerListing;
import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.AttributeDeclarations;
import com.acme.tiering.ruleset.TierCatalog;

/**
 * Finding a customer: search by id or name, optionally within one tier or with a value of a declared attribute, a
 * page at a time. The database does the searching and paging, as the API's customer listing does, so a million
 * customers never come to the page.
 */
@Controller
class CustomerSearchController {

    static final int DEFAULT_SIZE = 25;

    private final DecisionQueries decisions;
    private final ActiveRuleset active;

    CustomerSearchController(DecisionQueries decisions, ActiveRuleset active) {
        this.active = active;
        this.decisions = decisions;
    }

    /**
     * One page of search results and how to reach the others.
     *
     * @param page 1-based, as the page shows it
     */
    public record Search(String q, String tier, String attribute, String value, int page, int size,
            CustomerListing listing) {

        public boolean filtered() {
            return !q.isBlank() || !tier.isBlank() || !attribute.isBlank();
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < listing.totalPages();
        }

        /** Position of the first and last row shown, 1-based, for "26–50 of 300". */
        public long first() {
            return (long) (page - 1) * size + 1;
        }

        public long last() {
            return first() + listing.customers().size() - 1;
        }

        /** The address of another page of the same search, leaving out what is at its default. */
        public String link(int otherPage) {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath("/customers");
            if (!q.isBlank()) {
                link.queryParam("q", q.strip());
            }
            if (!tier.isBlank()) {
                link.queryParam("tier", tier);
            }
            if (!attribute.isBlank()) {
                link.queryParam("attribute", attribute);
                if (!value.isBlank()) {
                    link.queryParam("value", value.strip());
                }
            }
            if (otherPage != 1) {
                link.queryParam("page", otherPage);
            }
            if (size != DEFAULT_SIZE) {
                link.queryParam("size", size);
            }
            return link.encode().build().toUriString();
        }
    }

    @GetMapping("/customers")
    String search(
            @RequestParam(defaultValue = "") @Size(max = 200, message = "must be at most 200 characters") String q,
            @RequestParam(defaultValue = "") @Pattern(regexp = "(?:" + TierCatalog.CODE + ")?",
                    message = "must be a tier code such as A") String tier,
            @RequestParam(defaultValue = "") @Size(max = 40, message = "must be at most 40 characters")
            String attribute,
            @RequestParam(defaultValue = "") @Size(max = 200, message = "must be at most 200 characters") String value,
            @RequestParam(defaultValue = "1") @Min(value = 1, message = "must be 1 or more")
            @Max(value = 1_000_000, message = "must be at most 1,000,000") int page,
            @RequestParam(defaultValue = "" + DEFAULT_SIZE) @Min(value = 1, message = "must be 1 or more")
            @Max(value = 100, message = "must be at most 100") int size,
            Model model, HttpServletResponse response) {
        AttributeDeclarations declared = active.current().attributes();
        String problem = null;
        CustomerListing.AttributeFilter filter = null;
        if (!attribute.isBlank()) {
            try {
                filter = new CustomerListing.AttributeFilter(attribute.strip(), value.isBlank() ? null
                        : declared.storedText(attribute.strip(), value));
            }
            catch (IllegalArgumentException wrong) {
                problem = "value: " + wrong.getMessage() + ".";
            }
        }
        CustomerListing listing = problem != null ? new CustomerListing(java.util.List.of(), 0, size, 0, 0)
                : decisions.customers(q, tier, filter, page - 1, size);
        Search search = new Search(q, tier, attribute.strip(), value, page, size, listing);
        model.addAttribute("section", "customers");
        model.addAttribute("search", search);
        model.addAttribute("attributes", declared.all());
        TierCatalog tiers = active.current().tiers();
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", problem);
        }
        else if (!tier.isEmpty() && !tiers.contains(tier)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", "tier: must be one of " + tiers.describe() + ".");
        }
        else if (page > 1 && page > listing.totalPages()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", "page: there is no page " + page + " of these results; "
                    + switch (listing.totalPages()) {
                        case 0 -> "nothing matches.";
                        case 1 -> "they fit on 1 page.";
                        default -> "they fill " + listing.totalPages() + " pages.";
                    });
        }
        return "customers/list";
    }
}
