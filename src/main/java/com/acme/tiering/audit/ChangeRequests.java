package com.acme.tiering.audit;

import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests ask for a change the audit log covers: any POST, PUT, PATCH or DELETE under /api/, except
 * ingestion of customers, orders and interactions (audited by their source systems) and the POSTs that only
 * read (lookups, what-if); and the same changes made from the pages (a POST to a customer, rule, alert or run
 * page; signing in and out are not changes).
 */
final class ChangeRequests {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Pattern NOT_AUDITED = Pattern.compile(
            "/api/v1/customers/[^/]+(/orders|/interactions)?/?|/api/v1/tiers/lookup/?|/api/v1/evaluations/what-if/?");

    private static final Pattern PAGE_CHANGE = Pattern.compile("/(customers|rules|alerts|runs)(/.*)?");

    private ChangeRequests() {
    }

    static boolean isChange(HttpServletRequest request) {
        if (request == null || SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return !NOT_AUDITED.matcher(path).matches();
        }
        return PAGE_CHANGE.matcher(path).matches();
    }
}
