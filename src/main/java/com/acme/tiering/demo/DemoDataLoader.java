package com.acme.tiering.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.acme.tiering.TieringProperties;
import com.acme.tiering.demo.DemoDataWriter.Written;
import com.acme.tiering.run.RunRequested;

/**
 * Fills an empty database with the demo dataset when the demo is on: by default only on the embedded
 * H2 database, so a production database never receives demo customers unless asked to. A full run decides
 * them at once: requested through the run room's event, as the demo may depend on the run room but not the reverse.
 */
@Component
class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final int CHUNK = 1000;

    private final TieringProperties properties;
    private final Environment environment;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DemoDataLoader(TieringProperties properties, Environment environment, JdbcTemplate jdbc,
            TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.environment = environment;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    static boolean enabled(Boolean configured, String datasourceUrl) {
        return configured != null ? configured : datasourceUrl == null || datasourceUrl.startsWith("jdbc:h2:");
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenEmpty() {
        if (!enabled(properties.demo().enabled(), environment.getProperty("spring.datasource.url"))) {
            return;
        }
        long existing = jdbc.queryForObject("SELECT COUNT(*) FROM customer", Long.class);
        if (existing > 0) {
            log.info("Demo dataset skipped: the database already has {} customers", existing);
            return;
        }
        long started = System.nanoTime();
        int count = properties.demo().customers();
        long[] written = { 0, 0 };
        DemoDataGenerator generator = new DemoDataGenerator(properties.demo().seed(), LocalDate.now(clock));
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> generator.generate(count, CHUNK, chunk -> {
            Written rows = jdbc.execute((ConnectionCallback<Written>) c -> DemoDataWriter.write(c, chunk, now));
            written[0] += rows.orders();
            written[1] += rows.interactions();
        }));
        log.info("Loaded demo dataset: {} customers, {} orders, {} interactions in {} ms (seed {})", count, written[0],
                written[1], (System.nanoTime() - started) / 1_000_000, properties.demo().seed());
        events.publishEvent(new RunRequested("DEMO"));
    }
}
