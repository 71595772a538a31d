package com.acme.tiering.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.acme.tiering.facts.AttributeValues;

/** The customers' attribute values (customer_attribute, V23): one row per customer and attribute with a value. */
@Repository
class CustomerAttributeStore {

    private final JdbcClient jdbc;

    CustomerAttributeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AttributeValues of(String customerId) {
        return of(java.util.List.of(customerId)).getOrDefault(customerId, AttributeValues.NONE);
    }

    /** The values of these customers, by customer id; a customer without any is not in the map. */
    Map<String, AttributeValues> of(Collection<String> customerIds) {
        Map<String, Map<String, Object>> values = new HashMap<>();
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        jdbc.sql("SELECT customer_id, name, value_type, value_text FROM customer_attribute WHERE customer_id IN (:ids)")
                .param("ids", customerIds)
                .query((rs, i) -> values.computeIfAbsent(rs.getString(1), id -> new TreeMap<>())
                        .put(rs.getString(2), AttributeValues.fromStored(rs.getString(3), rs.getString(4))))
                .list();
        Map<String, AttributeValues> byCustomer = new HashMap<>();
        values.forEach((id, named) -> byCustomer.put(id, AttributeValues.of(named)));
        return byCustomer;
    }

    /** Sets each value given and removes each given as null; the customer's other values stay as they are. */
    void write(String customerId, Map<String, Object> changes, Instant now) {
        changes.forEach((name, value) -> {
            jdbc.sql("DELETE FROM customer_attribute WHERE customer_id = ? AND name = ?").params(customerId, name)
                    .update();
            if (value != null) {
                jdbc.sql("""
                        INSERT INTO customer_attribute (customer_id, name, value_type, value_text, updated_at)
                        VALUES (?, ?, ?, ?, ?)
                        """).params(customerId, name, AttributeValues.storedType(value).name(),
                        AttributeValues.storedText(value), Timestamp.from(now)).update();
            }
        });
    }
}
