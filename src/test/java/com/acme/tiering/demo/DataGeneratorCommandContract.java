package com.acme.tiering.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import com.acme.tiering.support.DatabaseCleaner;
import com.acme.tiering.support.ServiceTest;

/** The {@code --generate} command against the configured database: what it writes, and what it refuses. */
@ServiceTest
abstract class DataGeneratorCommandContract {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @Autowired
    JdbcTemplate jdbc;

    String output;

    @BeforeEach
    void emptyDatabase() {
        DatabaseCleaner.clean(jdbc);
    }

    private int generate(String... options) {
        List<String> args = new ArrayList<>(List.of("--generate", "--today=" + TODAY, "--chunk-size=40"));
        args.addAll(List.of(options));
        // The pool's own settings: the test configuration's URL holds a ${random.uuid} that changes when read again.
        HikariDataSource pool = (HikariDataSource) jdbc.getDataSource();
        args.addAll(List.of("--spring.datasource.url=" + pool.getJdbcUrl(),
                "--spring.datasource.username=" + nullToEmpty(pool.getUsername()),
                "--spring.datasource.password=" + nullToEmpty(pool.getPassword())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode = DataGeneratorCommand.run(args.toArray(String[]::new), new PrintStream(out, true,
                StandardCharsets.UTF_8));
        output = out.toString(StandardCharsets.UTF_8);
        return exitCode;
    }

    @Test
    void writesTheRequestedCustomersWithTheirOrdersAndInteractions() {
        assertThat(generate("--customers=150", "--seed=7", "--threads=2")).isEqualTo(0);

        List<DemoCustomer> expected = new DemoDataGenerator(7, TODAY).customers(1, 150);
        assertThat(jdbc.queryForList("SELECT customer_id FROM customer ORDER BY customer_id", String.class))
                .containsExactlyElementsOf(expected.stream().map(DemoCustomer::customerId).toList());
        long orders = expected.stream().mapToLong(c -> c.orders().size()).sum();
        long interactions = expected.stream().mapToLong(c -> c.interactions().size()).sum();
        assertThat(count("customer_order")).isEqualTo(orders);
        assertThat(count("interaction")).isEqualTo(interactions);
        assertThat(jdbc.queryForList("SELECT CONCAT(customer_id, ' ', value_text) FROM customer_attribute "
                + "WHERE name = 'relationshipDepth' ORDER BY customer_id", String.class))
                .as("the shipped attribute, for the customers that have one").containsExactlyElementsOf(expected.stream()
                        .filter(c -> c.relationshipDepth() != null)
                        .map(c -> c.customerId() + " " + c.relationshipDepth()).toList());
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM customer_order", BigDecimal.class))
                .isEqualByComparingTo(expected.stream().flatMap(c -> c.orders().stream())
                        .map(DemoCustomer.Order::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(output).contains("100% 150/150 customers")
                .contains(String.format("Generated 150 customers, %,d orders, %,d interactions", orders, interactions));
    }

    @Test
    void theSameSeedWritesTheSameRowsAndAnotherSeedOthers() {
        generate("--customers=60", "--seed=7");
        List<String> first = rows();
        DatabaseCleaner.clean(jdbc);
        generate("--customers=60", "--seed=7", "--threads=3", "--chunk-size=7");
        assertThat(rows()).isEqualTo(first);
        DatabaseCleaner.clean(jdbc);
        generate("--customers=60", "--seed=8");
        assertThat(rows()).isNotEqualTo(first);
    }

    @Test
    void refusesACustomerTableWithCustomersUnlessAskedToAppend() {
        generate("--customers=50");

        assertThat(generate("--customers=50")).isEqualTo(2);
        assertThat(output).contains("already has 50 customers").contains("--append");
        assertThat(count("customer")).isEqualTo(50);

        assertThat(generate("--customers=30", "--append")).isEqualTo(0);
        assertThat(count("customer")).isEqualTo(80);
        assertThat(jdbc.queryForObject("SELECT MAX(customer_id) FROM customer", String.class)).isEqualTo("CUST-00080");
        assertThat(count("customer_order")).isEqualTo(new DemoDataGenerator(42, TODAY).customers(1, 80).stream()
                .mapToLong(c -> c.orders().size()).sum());
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsage() {
        assertThat(generate("--customer=10")).isEqualTo(2);
        assertThat(output).contains("Unknown option --customer=10").contains("Usage: --generate");
        assertThat(count("customer")).isZero();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    /** Every generated row as text, in key order. */
    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.queryForList("""
                SELECT CONCAT_WS('|', customer_id, name, industry, region, employees, account_owner, created_at)
                FROM customer ORDER BY customer_id""", String.class));
        rows.addAll(jdbc.queryForList("""
                SELECT CONCAT_WS('|', customer_id, order_id, order_date, amount, recorded_at)
                FROM customer_order ORDER BY customer_id, order_id""", String.class));
        rows.addAll(jdbc.queryForList("""
                SELECT CONCAT_WS('|', customer_id, interaction_id, interaction_date, interaction_type, resolved, score)
                FROM interaction ORDER BY customer_id, interaction_id""", String.class));
        return rows;
    }
}
