package com.acme.tiering.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import com.acme.tiering.DatabaseFailures;
import com.acme.tiering.customer.CustomerNotFound;
import com.acme.tiering.decision.AlertTransitionRefused;
import com.acme.tiering.decision.ChurnAlertNotFound;
import com.acme.tiering.decision.NoDecision;
import com.acme.tiering.governance.PublicationRefused;
import com.acme.tiering.governance.VersionNotSimulable;
import com.acme.tiering.override.NoOverride;
import com.acme.tiering.override.OverrideInvalid;
import com.acme.tiering.run.CustomerUnknown;
import com.acme.tiering.run.RunAlreadyInProgress;
import com.acme.tiering.run.RunNotFound;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors of the pages as a page in words, with the status the API would answer: what is missing, what is
 * not possible now and why, which parameter is wrong. Never a stack trace. (The API keeps its problem details.)
 */
@ControllerAdvice(basePackages = "com.acme.tiering.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler({ PageNotFound.class, CustomerNotFound.class, NoDecision.class, CustomerUnknown.class,
            RunNotFound.class, ChurnAlertNotFound.class, NoOverride.class })
    ModelAndView notFound(RuntimeException ex, HttpServletRequest request) {
        return page(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), request);
    }

    @ExceptionHandler({ AlertTransitionRefused.class, RunAlreadyInProgress.class, PublicationRefused.class,
            VersionNotSimulable.class })
    ModelAndView notNow(RuntimeException ex, HttpServletRequest request) {
        return page(HttpStatus.CONFLICT, "Not possible now", ex.getMessage(), request);
    }

    @ExceptionHandler(OverrideInvalid.class)
    ModelAndView invalid(OverrideInvalid ex, HttpServletRequest request) {
        return page(HttpStatus.BAD_REQUEST, "Check what you entered", ex.field() + ": " + ex.getMessage(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
        return page(HttpStatus.BAD_REQUEST, "Check the address", "'" + ex.getValue() + "' is not a valid "
                + ex.getName(), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException ex, HttpServletRequest request) {
        return page(HttpStatus.BAD_REQUEST, "Check what you entered", ex.getParameterName() + " is missing", request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ModelAndView validation(HandlerMethodValidationException ex, HttpServletRequest request) {
        String what = String.join("; ", ex.getParameterValidationResults().stream()
                .map(r -> r.getMethodParameter().getParameterName() + ": " + String.join(", ",
                        r.getResolvableErrors().stream().map(e -> String.valueOf(e.getDefaultMessage())).toList()))
                .toList());
        return page(HttpStatus.BAD_REQUEST, "Check what you entered", what, request);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception ex, HttpServletRequest request) throws Exception {
        if (ex instanceof org.springframework.security.access.AccessDeniedException
                || ex instanceof org.springframework.security.core.AuthenticationException) {
            throw ex; // Spring Security answers these (sign-in page, 403 page)
        }
        if (DatabaseFailures.unavailable(ex)) {
            log.warn("Page answered 503: the database is not available ({})", ex.toString());
            ModelAndView page = page(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                    "The service cannot reach its database just now. Try again in a few seconds.", request);
            return page;
        }
        log.error("Unexpected error answering {}", request.getRequestURI(), ex);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "The service could not show this page; the error has been logged.", request);
    }

    private static ModelAndView page(HttpStatus status, String title, String message, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("error", title);
        page.addObject("message", message);
        page.addObject("path", request.getRequestURI());
        return page;
    }
}
