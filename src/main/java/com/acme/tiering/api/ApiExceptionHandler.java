package com.acme.tiering.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.acme.tiering.customer.ConflictingRecord;
import com.acme.tiering.customer.CustomerNotFound;
import com.acme.tiering.customer.InvalidRecords;
import com.acme.tiering.decision.AlertTransitionRefused;
import com.acme.tiering.decision.ChurnAlertNotFound;
import com.acme.tiering.decision.NoDecision;
import com.acme.tiering.governance.PublicationRefused;
import com.acme.tiering.governance.UploadRefused;
import com.acme.tiering.governance.VersionNotSimulable;
import com.acme.tiering.ruleset.RulesetInvalid;
import com.acme.tiering.run.CustomerUnknown;
import com.acme.tiering.run.RunAlreadyInProgress;
import com.acme.tiering.run.RunNotFound;

import tools.jackson.core.JacksonException;

/**
 * Every error as an RFC 9457 problem detail that names what to fix: the field, file or cell. Never
 * an exception class name, never a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage())).toList();
        return ResponseEntity.badRequest().body(invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String parameter = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fieldError ? fieldError.getField() : parameter;
                problems.add(new FieldProblem(field, error.getDefaultMessage()));
            }
        });
        return ResponseEntity.badRequest().body(invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyLimit.BodyTooLarge tooLarge = cause(ex, RequestBodyLimit.BodyTooLarge.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge.problem());
        }
        return ResponseEntity.badRequest().body(JsonProblems.of(cause(ex, JacksonException.class)));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                "Upload too large", UploadRefused.TOO_LARGE));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        String expected = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
        return invalid(List.of(new FieldProblem(ex.getName(), "'" + ex.getValue() + "' is not a valid "
                + (expected.equals("LocalDate") ? "date (YYYY-MM-DD)" : expected))));
    }

    @ExceptionHandler(UploadRefused.class)
    ResponseEntity<ProblemDetail> uploadRefused(UploadRefused ex) {
        HttpStatus status = ex.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = problem(status, "Upload refused", ex.getMessage());
        problem.setProperty("findings", ex.findings());
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(PublicationRefused.class)
    ProblemDetail publicationRefused(PublicationRefused ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Not yet", ex.getMessage());
        problem.setProperty("reasons", ex.reasons());
        return problem;
    }

    @ExceptionHandler(VersionNotSimulable.class)
    ResponseEntity<ProblemDetail> notSimulable(VersionNotSimulable ex) {
        HttpStatus status = ex.exists() ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND;
        return ResponseEntity.status(status).body(problem(status, ex.exists() ? "Not simulable" : "Not found",
                ex.getMessage()));
    }

    @ExceptionHandler(DrlNeedsRuleAuthor.class)
    ProblemDetail drlNeedsRuleAuthor(DrlNeedsRuleAuthor ex) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
    }

    @ExceptionHandler({ CustomerNotFound.class, NoDecision.class, CustomerUnknown.class, RunNotFound.class,
            VersionUnknown.class, com.acme.tiering.override.NoOverride.class, ChurnAlertNotFound.class,
            AdminTargetUnknown.class })
    ProblemDetail notFound(RuntimeException ex) {
        return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
    }

    @ExceptionHandler(ConflictingRecord.class)
    ProblemDetail conflict(ConflictingRecord ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflicting record", ex.getMessage());
        problem.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.getMessage())));
        return problem;
    }

    @ExceptionHandler(AlertTransitionRefused.class)
    ProblemDetail alertTransitionRefused(AlertTransitionRefused ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Not possible in this status", ex.getMessage());
        problem.setProperty("alertStatus", ex.status());
        return problem;
    }

    @ExceptionHandler(RunAlreadyInProgress.class)
    ProblemDetail runInProgress(RunAlreadyInProgress ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Evaluation run in progress", ex.getMessage());
        problem.setProperty("runningRun", URI.create("/api/v1/evaluation-runs/" + ex.runningId()));
        return problem;
    }

    @ExceptionHandler(DateRangeInvalid.class)
    ProblemDetail dateRange(DateRangeInvalid ex) {
        return invalid(List.of(new FieldProblem("to", ex.getMessage())));
    }

    @ExceptionHandler(ParameterInvalid.class)
    ProblemDetail parameterInvalid(ParameterInvalid ex) {
        return invalid(List.of(new FieldProblem(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler(FieldsInvalid.class)
    ProblemDetail fieldsInvalid(FieldsInvalid ex) {
        return invalid(ex.problems());
    }

    @ExceptionHandler(com.acme.tiering.override.OverrideInvalid.class)
    ProblemDetail overrideInvalid(com.acme.tiering.override.OverrideInvalid ex) {
        return invalid(List.of(new FieldProblem(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler(InvalidRecords.class)
    ProblemDetail invalidRecords(InvalidRecords ex) {
        return invalid(ex.errors().stream().map(e -> new FieldProblem(e.field(), e.message())).toList());
    }

    @ExceptionHandler(RulesetInvalid.class)
    ProblemDetail rulesetInvalid(RulesetInvalid ex) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "The rules do not compile", ex.getMessage());
        problem.setProperty("findings", ex.findings());
        return problem;
    }

    /**
     * The database is gone or not answering: 503 with Retry-After, so clients back off and retry; the service
     * itself recovers as soon as the database answers again (the pool opens new connections).
     */
    private ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
        log.warn("Answering 503: the database is not available ({})", ex.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                        "The service cannot reach its database just now; retry in a few seconds"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (com.acme.tiering.DatabaseFailures.unavailable(ex)) {
            return databaseUnavailable(ex);
        }
        log.error("Unexpected error answering a request", ex);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error",
                "The service could not answer this request; the error has been logged"));
    }

    private static ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", problems);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
