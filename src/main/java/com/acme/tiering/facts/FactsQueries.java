package com.acme.tiering.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Set-based aggregation of the raw facts of a batch of customers: one query per source table, grouped
 * by customer; window boundaries come in as dates so the SQL is the same on H2, MySQL and MariaDB.
 */
@Repository
class FactsQueries {

    private final JdbcClient jdbc;

    FactsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record CustomerRow(String customerId, String name, String industry, String region, Integer employees,
            String accountOwner, String tier, LocalDate tierSince, LocalDate downgradePendingSince) {
    }

    record OrderAggregate(String customerId, LocalDate firstOrder, LocalDate lastOrder, int orders12,
            BigDecimal rev12, BigDecimal revPrev12, BigDecimal rev6, BigDecimal revPrev6, int orders24,
            LocalDate first24, LocalDate last24) {
    }

    record InteractionAggregate(String customerId, int complaints90, int openTickets, LocalDate lastContact,
            int referrals12) {
    }

    record Scores(String customerId, Integer rScore, Integer fScore, Integer mScore, BigDecimal paretoShare) {
    }

    Map<String, CustomerRow> customers(Collection<String> ids) {
        return byId(jdbc.sql("""
                SELECT c.customer_id, c.name, c.industry, c.region, c.employees, c.account_owner,
                    COALESCE(d.rules_tier, d.tier) AS tier, d.tier_since, d.downgrade_pending_since
                FROM customer c LEFT JOIN current_decision d ON d.customer_id = c.customer_id
                WHERE c.customer_id IN (:ids)
                """).param("ids", ids).query(CustomerRow.class).list(), CustomerRow::customerId);
    }

    Map<String, OrderAggregate> orders(Collection<String> ids, Windows w) {
        return byId(jdbc.sql("""
                SELECT o.customer_id,
                    MIN(o.order_date) AS first_order,
                    MAX(o.order_date) AS last_order,
                    SUM(CASE WHEN o.order_date > :d365 THEN 1 ELSE 0 END) AS orders12,
                    SUM(CASE WHEN o.order_date > :d365 THEN o.amount ELSE 0 END) AS rev12,
                    SUM(CASE WHEN o.order_date > :d730 AND o.order_date <= :d365 THEN o.amount ELSE 0 END) AS rev_prev12,
                    SUM(CASE WHEN o.order_date > :d182 THEN o.amount ELSE 0 END) AS rev6,
                    SUM(CASE WHEN o.order_date > :d364 AND o.order_date <= :d182 THEN o.amount ELSE 0 END) AS rev_prev6,
                    SUM(CASE WHEN o.order_date > :d730 THEN 1 ELSE 0 END) AS orders24,
                    MIN(CASE WHEN o.order_date > :d730 THEN o.order_date END) AS first24,
                    MAX(CASE WHEN o.order_date > :d730 THEN o.order_date END) AS last24
                FROM customer_order o
                WHERE o.customer_id IN (:ids) AND o.order_date <= :asOf
                GROUP BY o.customer_id
                """).paramSource(w.params().addValue("ids", ids)).query(OrderAggregate.class).list(),
                OrderAggregate::customerId);
    }

    Map<String, InteractionAggregate> interactions(Collection<String> ids, Windows w) {
        return byId(jdbc.sql("""
                SELECT i.customer_id,
                    SUM(CASE WHEN i.interaction_type = 'COMPLAINT' AND i.interaction_date > :d90 THEN 1 ELSE 0 END)
                        AS complaints90,
                    SUM(CASE WHEN i.interaction_type = 'SUPPORT_TICKET' AND i.resolved = FALSE THEN 1 ELSE 0 END)
                        AS open_tickets,
                    MAX(i.interaction_date) AS last_contact,
                    SUM(CASE WHEN i.interaction_type = 'REFERRAL' AND i.interaction_date > :d365 THEN 1 ELSE 0 END)
                        AS referrals12
                FROM interaction i
                WHERE i.customer_id IN (:ids) AND i.interaction_date <= :asOf
                GROUP BY i.customer_id
                """).paramSource(w.params().addValue("ids", ids)).query(InteractionAggregate.class).list(),
                InteractionAggregate::customerId);
    }

    /** The score of each customer's latest NPS survey (ties on the date: the highest interaction id). */
    Map<String, Integer> latestNps(Collection<String> ids, LocalDate asOf) {
        Map<String, Integer> scores = new HashMap<>();
        jdbc.sql("""
                SELECT n.customer_id, n.score FROM interaction n
                WHERE n.customer_id IN (:ids) AND n.interaction_type = 'NPS_SURVEY' AND n.interaction_date <= :asOf
                  AND NOT EXISTS (
                    SELECT 1 FROM interaction m
                    WHERE m.customer_id = n.customer_id AND m.interaction_type = 'NPS_SURVEY'
                      AND m.interaction_date <= :asOf
                      AND (m.interaction_date > n.interaction_date
                           OR (m.interaction_date = n.interaction_date AND m.interaction_id > n.interaction_id)))
                """).param("ids", ids).param("asOf", asOf)
                .query((rs, i) -> scores.put(rs.getString(1), (Integer) rs.getObject(2, Integer.class))).list();
        return scores;
    }

    /**
     * The customers' attribute values (customer_attribute), by customer: those of every attribute they carry, also of
     * one whose declaration was removed since (no rule can read it, but it is part of what the customer is).
     */
    Map<String, AttributeValues> attributes(Collection<String> ids) {
        Map<String, Map<String, Object>> values = new HashMap<>();
        jdbc.sql("SELECT customer_id, name, value_type, value_text FROM customer_attribute WHERE customer_id IN (:ids)")
                .param("ids", ids)
                .query((rs, i) -> values.computeIfAbsent(rs.getString(1), id -> new HashMap<>())
                        .put(rs.getString(2), AttributeValues.fromStored(rs.getString(3), rs.getString(4))))
                .list();
        Map<String, AttributeValues> byCustomer = new HashMap<>(values.size() * 2);
        values.forEach((id, named) -> byCustomer.put(id, AttributeValues.of(named)));
        return byCustomer;
    }

    /**
     * The customers' entries in a run's population: the values it ranked them by and where they stood (the
     * buyers strictly worse on each RFM metric, null for customers without orders; the revenue strictly above).
     */
    record RunEntry(String customerId, LocalDate lastOrderDate, int ordersLast12m, BigDecimal revenueLast12m,
            Integer rWorse, Integer fWorse, Integer mWorse, BigDecimal revenueAbove) {
    }

    Map<String, RunEntry> runEntries(long runId, Collection<String> ids) {
        return byId(jdbc.sql("""
                SELECT customer_id, last_order_date, orders_last12m, revenue_last12m, r_worse, f_worse, m_worse,
                    revenue_above
                FROM population_score WHERE run_id = :run AND customer_id IN (:ids)
                """).param("run", runId).param("ids", ids).query(RunEntry.class).list(), RunEntry::customerId);
    }

    private static <T> Map<String, T> byId(java.util.List<T> rows, java.util.function.Function<T, String> id) {
        Map<String, T> map = new HashMap<>(rows.size() * 2);
        rows.forEach(row -> map.put(id.apply(row), row));
        return map;
    }
}
