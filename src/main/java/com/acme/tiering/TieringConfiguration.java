package com.acme.tiering;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Scheduling is on for the service's own periodic work, e.g. ending manual overrides at their expiry. */
@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
class TieringConfiguration {

    static {
        // MySQL Connector/J answers DATETIME columns as LocalDateTime (the MariaDB driver and H2 as Timestamp),
        // and JdbcClient maps rows to records through the shared conversion service, which cannot turn a
        // LocalDateTime into an Instant. Instants are written as Timestamps in the JVM's zone, so they are read
        // back in it.
        ((org.springframework.core.convert.converter.ConverterRegistry) org.springframework.core.convert.support
                .DefaultConversionService.getSharedInstance()).addConverter(java.time.LocalDateTime.class,
                        java.time.Instant.class, (java.time.LocalDateTime local) -> local
                                .atZone(java.time.ZoneId.systemDefault()).toInstant());
    }

    /** The one clock of the service, in the configured zone: "today" for an evaluation is a date on it. */
    @Bean
    Clock clock(TieringProperties properties) {
        return Clock.system(properties.zone());
    }
}
