package com.acme.tiering.audit;

import java.time.Instant;

/**
 * Which entries to read, newest first; every filter is optional.
 *
 * @param from entries at or after this instant
 * @param to entries before this instant
 * @param targetId only with a targetType
 */
public record AuditQuery(Instant from, Instant to, String actor, String action, String targetType,
        String targetId, int page, int size) {
}
