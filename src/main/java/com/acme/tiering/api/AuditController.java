package com.acme.tiering.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.acme.tiering.decision.HistoryVerification;

/** For auditors: is the decision history as it was written? */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final HistoryVerification verification;

    AuditController(HistoryVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/verification")
    HistoryVerification.Report verification() {
        return verification.verify();
    }
}
