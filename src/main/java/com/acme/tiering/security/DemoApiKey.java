package com.acme.tiering.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The embedded default's DEMO API key for a sales system, printed at start-up; never for another database. */
@Component
class DemoApiKey {

    static final String SECRET = "tk_DEMO-sales-system-embedded-only";

    private static final Logger log = LoggerFactory.getLogger(DemoApiKey.class);

    private final ApiKeys keys;
    private final Environment environment;

    DemoApiKey(ApiKeys keys, Environment environment) {
        this.keys = keys;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createOnEmbeddedDatabase() {
        if (SecurityConfiguration.embedded(environment) && keys.count() == 0) {
            keys.store("DEMO sales system", Roles.SALES_SYSTEM, SECRET, "embedded default");
        }
        if (SecurityConfiguration.embedded(environment) && keys.holder(SECRET).isPresent()) {
            log.warn("DEMO API key of a sales system (embedded database only): X-Api-Key: {}", SECRET);
        }
    }
}
