package com.acme.tiering.decision;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.acme.tiering.TieringProperties;

/**
 * Delivers the alert outbox to {@code tiering.alerts.webhook-url}, every
 * {@code tiering.alerts.delivery.poll-interval}. A row is marked delivered on a 2xx answer and is never sent
 * again; any other answer, a refused connection or a timeout schedules a retry with exponential back-off
 * (capped, never giving up). Delivery is at least once: only a crash between the receiver's 2xx and the
 * marking sends an alert twice, so each request carries the alert id as {@code Idempotency-Key}.
 */
@Component
class AlertWebhook {

    private static final Logger log = LoggerFactory.getLogger(AlertWebhook.class);

    private static final int BATCH = 50;

    private final AlertOutbox outbox;
    private final Clock clock;
    private final URI url;
    private final Duration readTimeout;
    private final Duration lease;
    private final Backoff backoff;
    private final HttpClient http;

    AlertWebhook(AlertOutbox outbox, Clock clock, TieringProperties properties) {
        TieringProperties.Alerts alerts = properties.alerts();
        TieringProperties.Alerts.Delivery delivery = alerts.delivery();
        this.outbox = outbox;
        this.clock = clock;
        this.url = alerts.webhookConfigured() ? alerts.webhookUrl() : null;
        this.readTimeout = delivery.readTimeout();
        // Longer than one attempt can take, so no other instance sends the row while this one still may.
        this.lease = delivery.connectTimeout().plus(delivery.readTimeout()).plusSeconds(30);
        this.backoff = new Backoff(delivery.initialBackoff(), delivery.maxBackoff());
        this.http = url == null ? null : HttpClient.newBuilder().connectTimeout(delivery.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${tiering.alerts.delivery.poll-interval:PT5S}",
            initialDelayString = "${tiering.alerts.delivery.poll-interval:PT5S}")
    void deliverPending() {
        if (url == null) {
            return;
        }
        try {
            for (long id : outbox.due(clock.instant(), BATCH)) {
                if (!attempt(id)) {
                    // The receiver is failing: leave the rest for the next round rather than wait on each.
                    return;
                }
            }
        }
        catch (RuntimeException failure) {
            log.warn("Delivering churn alerts to the webhook failed; retrying at the next round: {}",
                    failure.toString());
        }
    }

    /** One attempt at one row; false when the receiver did not take it. */
    private boolean attempt(long id) {
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        AlertOutbox.Pending pending = outbox.claim(id, token, now, now.plus(lease)).orElse(null);
        if (pending == null) {
            return true;
        }
        String failure = send(pending);
        if (failure == null) {
            outbox.delivered(id, token, clock.instant());
            return true;
        }
        Instant next = clock.instant().plus(backoff.delayAfter(pending.attempts()));
        outbox.retryAt(id, token, next, failure);
        log.warn("Churn alert {} not delivered to the webhook (attempt {}): {}; next attempt at {}",
                pending.alertId(), pending.attempts(), failure, next);
        return false;
    }

    /** Posts the payload; null on a 2xx answer, otherwise what went wrong. */
    private String send(AlertOutbox.Pending pending) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "churn-alert-" + pending.alertId())
                .POST(HttpRequest.BodyPublishers.ofString(pending.payload())).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        }
        catch (IOException unreachable) {
            return unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage();
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
