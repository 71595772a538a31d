package com.acme.tiering;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one {@link JdbcClient} of the service (Spring Boot's own backs off when this one exists), on Boot's
 * templates, so it keeps the configured query timeout. It maps rows with conversions of its own instead of
 * adding to Spring's shared {@link DefaultConversionService}, which every library in the JVM uses.
 */
@Configuration(proxyBeanMethods = false)
class JdbcConfiguration {

    @Bean
    JdbcClient jdbcClient(NamedParameterJdbcTemplate template) {
        return JdbcClient.create(template, rowConversions());
    }

    /**
     * MySQL Connector/J answers DATETIME columns as LocalDateTime (the MariaDB driver and H2 as Timestamp), which
     * the default conversions cannot turn into the Instants of our records. Instants are written as Timestamps in
     * the JVM's zone, so they are read back in it.
     */
    static ConversionService rowConversions() {
        DefaultConversionService conversions = new DefaultConversionService();
        conversions.addConverter(LocalDateTime.class, Instant.class,
                (LocalDateTime local) -> local.atZone(ZoneId.systemDefault()).toInstant());
        return conversions;
    }
}
