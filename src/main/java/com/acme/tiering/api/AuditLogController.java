package com.acme.tiering.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.acme.tiering.audit.AuditLog;
import com.acme.tiering.audit.AuditPage;
import com.acme.tiering.audit.AuditQuery;

/**
 * For auditors: every change made through the service and every refused attempt, who, when, from where,
 * with the before and after.
 */
// Readable by AUDITOR and ADMIN only (SecurityConfiguration; the matrix in docs/security.md).
@RestController
@RequestMapping("/api/v1/audit")
class AuditLogController {

    private final AuditLog audit;
    private final Clock clock;

    AuditLogController(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Newest first.
     *
     * @param from a date (from its start, in the service's time zone) or an instant such as 2026-03-01T08:00:00Z
     * @param to a date (to its end) or an instant, inclusive
     * @param target a target type such as {@code customer}, or type and id such as {@code customer:CUST-00003}
     */
    @GetMapping("/log")
    AuditPage log(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) @Size(min = 1, max = 100) String actor,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,40}",
                    message = "must be an action such as OVERRIDE_SET") String action,
            @RequestParam(required = false) @Pattern(regexp = "[a-z_]{1,40}(:.{1,128})?",
                    message = "must be a target type such as customer, or type:id such as customer:CUST-00003")
            String target,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Instant start = from == null ? null : start("from", from);
        Instant end = to == null ? null : end("to", to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw new ParameterInvalid("to", "is before from (" + from + ")");
        }
        int colon = target == null ? -1 : target.indexOf(':');
        String targetType = colon < 0 ? target : target.substring(0, colon);
        String targetId = colon < 0 ? null : target.substring(colon + 1);
        return audit.find(new AuditQuery(start, end, actor, action, targetType, targetId, page, size));
    }

    private Instant start(String field, String value) {
        return value.length() == 10 ? date(field, value).atStartOfDay(clock.getZone()).toInstant() : instant(field, value);
    }

    /** The first instant after the period, so that the period includes all of its last day or millisecond. */
    private Instant end(String field, String value) {
        return value.length() == 10 ? date(field, value).plusDays(1).atStartOfDay(clock.getZone()).toInstant()
                : instant(field, value).truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException notADate) {
            throw invalidTime(field, value);
        }
    }

    private static Instant instant(String field, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        }
        catch (DateTimeParseException notAnInstant) {
            throw invalidTime(field, value);
        }
    }

    private static ParameterInvalid invalidTime(String field, String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return new ParameterInvalid(field, "'" + shown + "' is not a date (YYYY-MM-DD) or an instant with its offset "
                + "(2026-03-01T08:00:00Z)");
    }
}
