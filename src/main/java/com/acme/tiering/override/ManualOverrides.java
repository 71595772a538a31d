package com.acme.tiering.override;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.acme.tiering.TieringProperties;
import com.acme.tiering.audit.AuditLog;
import com.acme.tiering.customer.CustomerNotFound;
import com.acme.tiering.customer.Customers;
import com.acme.tiering.decision.Decision;
import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.evaluation.TierOverride;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.TierCatalog;

/**
 * Sets and ends manual overrides. Each change raises {@link OverrideSet} or {@link OverrideEnded}, heard at once
 * by the run room, which decides the customer again in the same transaction, so the decision in force, its history
 * row and the override always agree: the decision records the override, and the rules' own tier beside it.
 */
@Service
public class ManualOverrides {

    private static final Logger log = LoggerFactory.getLogger(ManualOverrides.class);

    /** Who ends an override at its expiry, as the audit trail shows it. */
    static final String EXPIRY = "system (expiry)";

    private final ManualOverrideStore store;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final DecisionQueries decisions;
    private final Clock clock;
    private final Duration maxDuration;
    private final AuditLog audit;
    private final ActiveRuleset active;

    ManualOverrides(ManualOverrideStore store, Customers customers, ApplicationEventPublisher events,
            DecisionQueries decisions, Clock clock, TieringProperties properties, AuditLog audit,
            ActiveRuleset active) {
        this.store = store;
        this.active = active;
        this.audit = audit;
        this.customers = customers;
        this.events = events;
        this.decisions = decisions;
        this.clock = clock;
        this.maxDuration = properties.overrides().maxDuration();
    }

    public record NewOverride(String tier, TierOverride.Kind kind, String reason, Instant expiresAt) {
    }

    /**
     * Puts an override in force, replacing the customer's previous one, and returns the decision made with it.
     *
     * @throws CustomerNotFound when there is no such customer
     * @throws OverrideInvalid naming the field when the override makes no sense
     */
    @Transactional
    public Decision set(String customerId, NewOverride override, String user) {
        Instant now = clock.instant();
        check(override, now);
        requireCustomer(customerId);
        ManualOverride previous = store.notEnded(customerId).orElse(null);
        if (previous != null) {
            store.end(previous.id(), now, user, "REPLACED");
        }
        long id = store.insert(customerId, override.tier(), override.kind(), override.reason().strip(),
                override.expiresAt(), user, now);
        audit.record("OVERRIDE_SET", "customer", customerId, previous, store.find(id).orElseThrow());
        log.info("Manual override {} set for customer {} by {}: {} at tier {} until {}", id, customerId, user,
                override.kind(), override.tier(), override.expiresAt());
        return decidedAgain(customerId, new OverrideSet(customerId, id));
    }

    /** Ends the customer's override now and returns the decision made without it. */
    @Transactional
    public Decision end(String customerId, String user) {
        ManualOverride inForce = store.notEnded(customerId).filter(o -> o.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new NoOverride(customerId));
        store.end(inForce.id(), clock.instant(), user, "REVOKED");
        audit.record("OVERRIDE_ENDED", "customer", customerId, inForce, store.find(inForce.id()).orElseThrow());
        log.info("Manual override {} of customer {} ended early by {}", inForce.id(), customerId, user);
        return decidedAgain(customerId, new OverrideEnded(customerId, inForce.id(), "REVOKED"));
    }

    /** The decision the listeners of the change made, in this transaction, with the override or without it. */
    private Decision decidedAgain(String customerId, Object change) {
        events.publishEvent(change);
        return decisions.currentOrThrow(customerId);
    }

    /**
     * The override in force as the rules in force apply it: naming the tier that replaces the code it was set with,
     * where their catalog has that code no more (its Replaces column), with that code kept beside it.
     */
    public TierOverride inForce(String customerId) {
        return store.inForce(customerId, clock.instant()).map(o -> o.in(active.current().tiers()))
                .orElseThrow(() -> new NoOverride(customerId));
    }

    /** Every override the customer ever had, newest first, with how each ended. */
    public List<ManualOverride> history(String customerId) {
        requireCustomer(customerId);
        return store.history(customerId);
    }

    /**
     * Ends the overrides whose expiry has passed and re-evaluates their customers, so the decision in force
     * (and its history) no longer carries them. Returns how many ended.
     */
    @Transactional
    public int endExpired(Instant now, int limit) {
        int ended = 0;
        for (ManualOverride expired : store.expired(now, limit)) {
            if (store.end(expired.id(), expired.expiresAt(), EXPIRY, "EXPIRED")) {
                audit.record("OVERRIDE_EXPIRED", "customer", expired.customerId(), expired,
                        store.find(expired.id()).orElseThrow());
                events.publishEvent(new OverrideEnded(expired.customerId(), expired.id(), "EXPIRED"));
                log.info("Manual override {} of customer {} expired at {}", expired.id(), expired.customerId(),
                        expired.expiresAt());
                ended++;
            }
        }
        return ended;
    }

    private void requireCustomer(String customerId) {
        if (customers.find(customerId).isEmpty()) {
            throw CustomerNotFound.forId(customerId);
        }
    }

    private void check(NewOverride override, Instant now) {
        TierCatalog tiers = active.current().tiers();
        if (!tiers.contains(override.tier())) {
            throw new OverrideInvalid("tier", "must be a tier of the rules in force: " + tiers.describe());
        }
        if (override.kind() == TierOverride.Kind.FLOOR && override.tier().equals(tiers.lowest().code())) {
            throw new OverrideInvalid("tier", "a FLOOR at " + override.tier() + ", the lowest tier, changes nothing");
        }
        if (override.reason() == null || override.reason().isBlank()) {
            throw new OverrideInvalid("reason", "must say why the tier is set by hand");
        }
        if (!override.expiresAt().isAfter(now)) {
            throw new OverrideInvalid("expiresAt", "must be in the future, not " + override.expiresAt());
        }
        if (override.expiresAt().isAfter(now.plus(maxDuration))) {
            throw new OverrideInvalid("expiresAt", "may be at most " + maxDuration.toDays()
                    + " days ahead (tiering.overrides.max-duration); set a new override when this one ends");
        }
    }
}
