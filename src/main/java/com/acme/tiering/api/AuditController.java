package com.acme.tiering.api;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.acme.tiering.decision.AuditExport;
import com.acme.tiering.decision.HistoryVerification;

/** For auditors: is the decision history as it was written? */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final HistoryVerification verification;
    private final AuditExport export;

    AuditController(HistoryVerification verification, AuditExport export) {
        this.verification = verification;
        this.export = export;
    }

    /** Decisions whose history rows fall in [from, to], streamed as CSV or XLSX. */
    @GetMapping("/decisions")
    @ApiResponse(responseCode = "200", description = "The decision-history rows as a CSV or XLSX attachment",
            content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")) })
    ResponseEntity<StreamingResponseBody> decisions(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "csv") @Pattern(regexp = "csv|xlsx", message = "must be csv or xlsx")
            String format) {
        if (to.isBefore(from)) {
            throw new DateRangeInvalid("to (" + to + ") is before from (" + from + ")");
        }
        boolean csv = format.equals("csv");
        String name = "decisions-" + from + "-" + to + "." + format;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(csv ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                        : MediaType.parseMediaType(XLSX))
                .body(out -> {
                    if (csv) {
                        export.csv(from, to, out);
                    }
                    else {
                        export.xlsx(from, to, out);
                    }
                });
    }

    @GetMapping("/verification")
    HistoryVerification.Report verification() {
        return verification.verify();
    }
}
