package com.acme.tiering.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests that carry {@code X-Api-Key}. A key that is unknown or revoked is refused at once
 * with 401, rather than falling back to anonymous access.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = request.getHeader(HEADER);
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        java.util.Optional<ApiKeys.KeyHolder> holder;
        try {
            holder = keys.holder(secret.strip());
        }
        catch (RuntimeException failure) {
            if (!com.acme.tiering.DatabaseFailures.unavailable(failure)) {
                throw failure;
            }
            response.setHeader("Retry-After", "5");
            SecurityConfiguration.problem(response, 503, "Database unavailable",
                    "The service cannot reach its database just now; retry in a few seconds");
            return;
        }
        if (holder.isEmpty()) {
            SecurityConfiguration.problem(response, 401, "Authentication required",
                    "The API key is not known or has been revoked");
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated("api-key:" + holder.get().name(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + holder.get().role())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
