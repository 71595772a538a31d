package com.acme.tiering.audit;

import java.util.List;

/** A page of entries, newest first, and how many match in all. */
public record AuditPage(int page, int size, long total, List<AuditEntry> entries) {
}
