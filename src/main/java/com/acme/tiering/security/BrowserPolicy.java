package com.acme.tiering.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * What a browser may do with the service's answers. Pages load scripts, styles, fonts and images from the service
 * itself only, run no inline script or style (app.js and app.css hold them all; Chart.js and htmx come as WebJars
 * from the service), may not be framed, and post forms only to the service. Referrers leave the service with its
 * origin at most, so a customer id in an address never reaches another site. JSON answers allow nothing at all.
 */
final class BrowserPolicy {

    /** Swagger UI draws its icons as data: images in its stylesheet, hence {@code img-src data:}. */
    static final String PAGES = "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    static final String API = "default-src 'none'; frame-ancestors 'none'";

    private BrowserPolicy() {
    }

    static void apply(HttpSecurity http, String policy) throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    }
}
