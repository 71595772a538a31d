package com.acme.tiering;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the service under {@code tiering.*}, with the defaults of the embedded set-up.
 *
 * @param zone the time zone whose calendar dates evaluations use
 */
@ConfigurationProperties("tiering")
public record TieringProperties(
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue Rules rules,
        @DefaultValue RuleTests ruleTests,
        @DefaultValue Demo demo,
        @DefaultValue Run run,
        @DefaultValue Security security,
        @DefaultValue Overrides overrides,
        @DefaultValue Events events,
        @DefaultValue Alerts alerts,
        @DefaultValue Limits limits) {

    /**
     * @param maxRequestBody the largest request body other than an upload (JSON): larger ones are answered 413
     *     before they are read. 10,000 orders, the most one request may hold, take about 1 MB.
     */
    public record Limits(@DefaultValue("2MB") org.springframework.util.unit.DataSize maxRequestBody) {
    }

    /**
     * @param requireApproval a second person, not the author, must approve a version before it is published; on
     *     by default, off only for a one-person installation (docs/publishing.md). The rules directory imported at
     *     start-up is the operator's deployment and needs none.
     * @param runAfterActivation start a full evaluation run when a version is put in force
     */
    public record Rules(@DefaultValue("./rules") Path directory, @DefaultValue("true") boolean requireApproval,
            @DefaultValue("true") boolean runAfterActivation) {
    }

    public record RuleTests(@DefaultValue("./rule-tests") Path directory) {
    }

    /**
     * @param enabled null: on for the embedded H2 default, off for any other datasource
     */
    public record Demo(Boolean enabled, @DefaultValue("2000") int customers, @DefaultValue("42") long seed) {
    }

    /**
     * @param chunkSize customers per committed chunk
     * @param staleAfter a going run whose heartbeat is older than this lost its process and is resumed
     */
    public record Run(@DefaultValue("500") int chunkSize, @DefaultValue("PT1M") java.time.Duration staleAfter) {
    }

    /**
     * @param enabled re-evaluate a customer after its orders, interactions or details change
     * @param delay how long to wait for more changes of the same customer before evaluating it once
     */
    public record Events(@DefaultValue("true") boolean enabled, @DefaultValue("PT0.5S") java.time.Duration delay) {
    }

    /**
     * @param maxDuration how far ahead a manual override may expire: overrides are exceptions, not a second policy
     * @param expiryCheck how often overrides past their expiry are ended and their customers re-evaluated
     */
    public record Overrides(@DefaultValue("P366D") java.time.Duration maxDuration,
            @DefaultValue("PT30S") java.time.Duration expiryCheck) {
    }

    /**
     * @param webhookUrl where every newly opened churn alert is posted as JSON; none: no webhook, no outbox
     */
    public record Alerts(java.net.URI webhookUrl, @DefaultValue Delivery delivery) {

        public boolean webhookConfigured() {
            return webhookUrl != null && !webhookUrl.toString().isBlank();
        }

        /**
         * @param connectTimeout and {@code readTimeout} bound each attempt, so a hanging receiver cannot block
         * @param initialBackoff the wait after a first failed attempt, doubled after each further one up to
         *     {@code maxBackoff}; attempts never stop
         * @param pollInterval how often the outbox is checked for alerts due to be sent
         */
        public record Delivery(@DefaultValue("PT2S") java.time.Duration connectTimeout,
                @DefaultValue("PT5S") java.time.Duration readTimeout,
                @DefaultValue("PT10S") java.time.Duration initialBackoff,
                @DefaultValue("PT15M") java.time.Duration maxBackoff,
                @DefaultValue("PT5S") java.time.Duration pollInterval) {
        }
    }

    /**
     * @param users who may change rules; with none configured the embedded default gets printed demo users
     */
    public record Security(@DefaultValue List<User> users) {

        /** @param password as Spring Security stores it, e.g. {bcrypt}$2a$10$… */
        public record User(String name, String password, List<String> roles) {
        }
    }
}
