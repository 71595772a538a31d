package com.acme.tiering.audit;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: who changed what through the service, when, from where, with the before and after.
 * Features record their changes inside the transaction that makes them, so a refused or rolled-back change
 * leaves no entry and a made change always has one. Who and where come from the current request; without
 * one, the service itself acted. Entries are never changed or deleted.
 *
 * <pre>audit.record("USER_CREATED", "user", name, null, newUser);</pre>
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    /** What a change answers unless its caller says otherwise. */
    private static final int OK = 200;

    private final AuditStore store;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(AuditStore store, JsonMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a change answered with 200, or made by the service on its own.
     *
     * @param action what was done, e.g. OVERRIDE_SET, in capitals
     * @param before the target as it was (written as JSON), null where it did not exist or does not apply
     * @param after the target as it became, null where it no longer exists or does not apply
     */
    @Transactional
    public void record(String action, String targetType, String targetId, Object before, Object after) {
        record(action, targetType, targetId, before, after, OK);
    }

    /** Records a change answered with another status than 200: 201 created, 202 accepted, 422 kept as rejected. */
    @Transactional
    public void record(String action, String targetType, String targetId, Object before, Object after,
            int outcome) {
        Origin origin = Origin.current();
        store.insert(new AuditStore.NewEntry(clock.instant(), origin, action, targetType, targetId,
                origin.method() == null ? null : outcome, write(before), write(after)));
    }

    /**
     * Records a change request refused before it reached a feature: 401 without valid credentials, 403 when
     * the user's role may not make it.
     */
    public void accessDenied(int status) {
        accessDenied(Origin.current(), status);
    }

    void accessDenied(Origin origin, int status) {
        store.insert(new AuditStore.NewEntry(clock.instant(), origin, "ACCESS_DENIED", null, null, status, null,
                null));
        log.info("Access denied ({}) to {} for {} {} from {}", status, origin.actor(), origin.method(),
                origin.path(), origin.remoteAddress());
    }

    @Transactional(readOnly = true)
    public AuditPage find(AuditQuery query) {
        return store.find(query);
    }

    private String write(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
