package com.acme.tiering.customer;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.acme.tiering.facts.AttributeValues;

@Repository
class CustomerStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CustomerStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    record StoredOrder(String orderId, LocalDate orderDate, BigDecimal amount) {
    }

    record StoredInteraction(String interactionId, LocalDate interactionDate, String interactionType, boolean resolved,
            Integer score) {
    }

    /** The customer's own columns; its attribute values are {@link CustomerAttributeStore}'s. */
    private record CustomerRow(String customerId, String name, String industry, String region, Integer employees,
            String accountOwner, Instant createdAt, Instant updatedAt) {

        Customer with(AttributeValues attributes) {
            return new Customer(customerId, name, industry, region, employees, accountOwner, createdAt, updatedAt,
                    attributes);
        }
    }

    /** The customer without its attribute values. */
    Optional<Customer> find(String customerId) {
        return jdbc.sql("""
                SELECT customer_id, name, industry, region, employees, account_owner, created_at, updated_at
                FROM customer WHERE customer_id = ?
                """).param(customerId).query(CustomerRow.class).optional().map(row -> row.with(AttributeValues.NONE));
    }

    void insert(String customerId, CustomerDetails d, Instant now) {
        jdbc.sql("""
                INSERT INTO customer (customer_id, name, industry, region, employees, account_owner, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(customerId, d.name(), d.industry(), d.region(), d.employees(), d.accountOwner(),
                Timestamp.from(now), Timestamp.from(now)).update();
    }

    void update(String customerId, CustomerDetails d, Instant now) {
        jdbc.sql("""
                UPDATE customer SET name = ?, industry = ?, region = ?, employees = ?, account_owner = ?, updated_at = ?
                WHERE customer_id = ?
                """).params(d.name(), d.industry(), d.region(), d.employees(), d.accountOwner(), Timestamp.from(now),
                customerId).update();
    }

    Map<String, StoredOrder> orders(String customerId, Collection<String> orderIds) {
        return jdbc.sql("SELECT order_id, order_date, amount FROM customer_order WHERE customer_id = :c AND order_id IN (:ids)")
                .param("c", customerId).param("ids", orderIds).query(StoredOrder.class).list().stream()
                .collect(Collectors.toMap(StoredOrder::orderId, o -> o));
    }

    void insertOrders(String customerId, List<NewOrder> orders, Instant now) {
        template.batchUpdate("""
                INSERT INTO customer_order (customer_id, order_id, order_date, amount, recorded_at) VALUES (?, ?, ?, ?, ?)
                """, orders, 1000, (ps, o) -> {
                    ps.setString(1, customerId);
                    ps.setString(2, o.orderId());
                    ps.setObject(3, o.orderDate());
                    ps.setBigDecimal(4, o.amount());
                    ps.setTimestamp(5, Timestamp.from(now));
                });
    }

    Map<String, StoredInteraction> interactions(String customerId, Collection<String> ids) {
        return jdbc.sql("""
                SELECT interaction_id, interaction_date, interaction_type, resolved, score FROM interaction
                WHERE customer_id = :c AND interaction_id IN (:ids)
                """).param("c", customerId).param("ids", ids).query(StoredInteraction.class).list().stream()
                .collect(Collectors.toMap(StoredInteraction::interactionId, i -> i));
    }

    void insertInteractions(String customerId, List<NewInteraction> interactions, Instant now) {
        template.batchUpdate("""
                INSERT INTO interaction (customer_id, interaction_id, interaction_date, interaction_type, resolved, score,
                    recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, interactions, 1000, (ps, i) -> {
                    ps.setString(1, customerId);
                    ps.setString(2, i.interactionId());
                    ps.setObject(3, i.date());
                    ps.setString(4, i.type().name());
                    ps.setBoolean(5, i.resolved());
                    ps.setObject(6, i.score());
                    ps.setTimestamp(7, Timestamp.from(now));
                });
    }

    void updateResolved(String customerId, String interactionId, boolean resolved) {
        jdbc.sql("UPDATE interaction SET resolved = ? WHERE customer_id = ? AND interaction_id = ?")
                .params(resolved, customerId, interactionId).update();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
    }
}
