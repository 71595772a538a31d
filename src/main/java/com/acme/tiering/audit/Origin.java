package com.acme.tiering.audit;

import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who made a change and from where, as the current thread knows it: the user of the request (or anonymous),
 * the request's address, method, path and id; the service itself when there is no request (schedules, runs).
 */
record Origin(String actor, String roles, String remoteAddress, String method, String path, String requestId) {

    static final String ANONYMOUS = "anonymous";
    static final String SYSTEM = "system";

    private static final String REQUEST_ID = Origin.class.getName() + ".requestId";
    private static final Pattern CALLER_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** The current request and user; a thread without a request is the service acting on its own. */
    static Origin current() {
        return current(SecurityContextHolder.getContext().getAuthentication());
    }

    static Origin current(Authentication authentication) {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return new Origin(authenticated(authentication) ? authentication.getName() : SYSTEM,
                    roles(authentication), null, null, null, null);
        }
        return new Origin(authenticated(authentication) ? authentication.getName() : ANONYMOUS, roles(authentication),
                // Spring's forwarded-header handling rewrites this when server.forward-headers-strategy is set;
                // X-Forwarded-For is not read here, or any caller could name any address.
                request.getRemoteAddr(), request.getMethod(), request.getRequestURI(), requestId(request));
    }

    /** The same request made under a user name that did not authenticate (a wrong password): no roles. */
    Origin claimedBy(String userName) {
        String printable = userName == null || userName.isBlank() ? ANONYMOUS : userName.replaceAll("\\p{Cntrl}", "?");
        return new Origin(printable, null, remoteAddress, method, path, requestId);
    }

    static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static boolean authenticated(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private static String roles(Authentication authentication) {
        if (!authenticated(authentication)) {
            return null;
        }
        String roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted()
                .collect(Collectors.joining(","));
        return roles.isEmpty() ? null : roles;
    }

    /**
     * The caller's {@code X-Request-Id} when it is a plain token, else one made up once per request, so every
     * entry a request writes (a publication and the run it starts) carries the same id.
     */
    private static String requestId(HttpServletRequest request) {
        if (request.getAttribute(REQUEST_ID) instanceof String known) {
            return known;
        }
        String given = request.getHeader("X-Request-Id");
        String id = given != null && CALLER_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(REQUEST_ID, id);
        return id;
    }
}
