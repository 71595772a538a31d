package com.acme.tiering;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Scheduling is on for the service's own periodic work, e.g. ending manual overrides at their expiry. */
@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
class TieringConfiguration {

    /** The one clock of the service, in the configured zone: "today" for an evaluation is a date on it. */
    @Bean
    Clock clock(TieringProperties properties) {
        return Clock.system(properties.zone());
    }
}
