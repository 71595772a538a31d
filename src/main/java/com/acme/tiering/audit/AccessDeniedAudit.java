package com.acme.tiering.audit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Change requests that Spring Security turns away never reach a feature, so they are recorded here as
 * ACCESS_DENIED: 401 for no or wrong credentials, 403 for a role that may not make the change.
 */
@Component
class AccessDeniedAudit {

    private final AuditLog audit;

    AccessDeniedAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void authorizationDenied(AuthorizationDeniedEvent<?> event) {
        if (!ChangeRequests.isChange(event.getObject() instanceof HttpServletRequest request ? request
                : Origin.currentRequest())) {
            return;
        }
        Authentication who = event.getAuthentication().get();
        boolean anonymous = who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated();
        audit.accessDenied(Origin.current(who), anonymous ? 401 : 403);
    }

    /** A wrong password: the entry names the user name given, without roles. */
    @EventListener
    void authenticationFailed(AbstractAuthenticationFailureEvent event) {
        if (ChangeRequests.isChange(Origin.currentRequest())) {
            audit.accessDenied(Origin.current(null).claimedBy(event.getAuthentication().getName()), 401);
        }
    }
}
