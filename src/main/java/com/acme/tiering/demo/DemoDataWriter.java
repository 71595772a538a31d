package com.acme.tiering.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes generated customers with batched inserts, one chunk per call. */
@Component
public class DemoDataWriter {

    private final JdbcTemplate jdbc;

    DemoDataWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the number of orders and interactions written */
    public long[] write(List<DemoCustomer> customers, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("""
                INSERT INTO customer (customer_id, name, industry, region, employees, account_owner, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, customers, 1000, (ps, c) -> {
                    ps.setString(1, c.customerId());
                    ps.setString(2, c.name());
                    ps.setString(3, c.industry());
                    ps.setString(4, c.region());
                    ps.setObject(5, c.employees());
                    ps.setString(6, c.accountOwner());
                    ps.setTimestamp(7, at);
                    ps.setTimestamp(8, at);
                });
        record OrderRow(String customerId, DemoCustomer.Order order) {
        }
        record InteractionRow(String customerId, DemoCustomer.Interaction interaction) {
        }
        List<OrderRow> orders = new ArrayList<>();
        List<InteractionRow> interactions = new ArrayList<>();
        for (DemoCustomer c : customers) {
            c.orders().forEach(o -> orders.add(new OrderRow(c.customerId(), o)));
            c.interactions().forEach(i -> interactions.add(new InteractionRow(c.customerId(), i)));
        }
        jdbc.batchUpdate("""
                INSERT INTO customer_order (customer_id, order_id, order_date, amount, recorded_at) VALUES (?, ?, ?, ?, ?)
                """, orders, 2000, (ps, row) -> {
                    ps.setString(1, row.customerId());
                    ps.setString(2, row.order().orderId());
                    ps.setObject(3, row.order().date());
                    ps.setBigDecimal(4, row.order().amount());
                    ps.setTimestamp(5, at);
                });
        jdbc.batchUpdate("""
                INSERT INTO interaction (customer_id, interaction_id, interaction_date, interaction_type, resolved, score,
                    recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, interactions, 2000, (ps, row) -> {
                    ps.setString(1, row.customerId());
                    ps.setString(2, row.interaction().interactionId());
                    ps.setObject(3, row.interaction().date());
                    ps.setString(4, row.interaction().type());
                    ps.setBoolean(5, row.interaction().resolved());
                    ps.setObject(6, row.interaction().score());
                    ps.setTimestamp(7, at);
                });
        return new long[] { orders.size(), interactions.size() };
    }
}
