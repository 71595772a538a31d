package com.acme.tiering.facts;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

/** Test data builder: customers, orders and interactions written straight to the tables facts read. */
final class FactsTestData {

    private static final Timestamp NOW = Timestamp.from(Instant.parse("2026-06-30T12:00:00Z"));

    private final JdbcTemplate jdbc;
    private int sequence;

    FactsTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    FactsTestData customer(String id) {
        jdbc.update("INSERT INTO customer (customer_id, name, industry, region, employees, account_owner, created_at, "
                + "updated_at) VALUES (?, ?, 'Retail', 'North', 40, 'Robin Rep', ?, ?)", id, "Customer " + id, NOW, NOW);
        return this;
    }

    FactsTestData order(String customerId, LocalDate date, String amount) {
        jdbc.update("INSERT INTO customer_order (customer_id, order_id, order_date, amount, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?)", customerId, "o-" + (++sequence), date, new BigDecimal(amount), NOW);
        return this;
    }

    FactsTestData interaction(String customerId, LocalDate date, String type, boolean resolved, Integer score) {
        jdbc.update("INSERT INTO interaction (customer_id, interaction_id, interaction_date, interaction_type, "
                + "resolved, score, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", customerId, "i-" + (++sequence), date,
                type, resolved, score, NOW);
        return this;
    }

    long run(LocalDate asOf) {
        jdbc.update("INSERT INTO evaluation_run (as_of, status, trigger_kind, ruleset_version, started_at) "
                + "VALUES (?, 'RUNNING', 'TEST', ?, ?)", asOf, "0".repeat(64), NOW);
        return jdbc.queryForObject("SELECT MAX(id) FROM evaluation_run", Long.class);
    }
}
