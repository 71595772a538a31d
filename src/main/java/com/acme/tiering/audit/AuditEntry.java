package com.acme.tiering.audit;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One audit log entry as auditors read it.
 *
 * @param actor the user name; {@code anonymous} for a request without credentials; {@code system} for the
 *        service acting on its own (schedules, runs, expiry); for a wrong password, the user name given
 * @param roles the actor's roles, comma-separated, when authenticated
 * @param outcome the HTTP status the request was answered with; null when there was no request
 * @param before the target as it was, where that applies; null for creations and refused attempts
 * @param after the target as it became, where that applies
 * @param requestId the caller's X-Request-Id, else one given per request: entries of one request share it
 */
public record AuditEntry(long id, Instant at, String actor, String roles, String remoteAddress, String action,
        String targetType, String targetId, String method, String path, Integer outcome, JsonNode before,
        JsonNode after, String requestId) {
}
