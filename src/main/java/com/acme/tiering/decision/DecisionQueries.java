package com.acme.tiering.decision;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.acme.tiering.facts.AttributeValues;

/** Read side of decisions: lookups for sales systems, history and summaries for auditors and managers. */
@Service
@Transactional(readOnly = true)
public class DecisionQueries {

    private final DecisionStore decisions;
    private final JdbcClient jdbc;

    DecisionQueries(DecisionStore decisions, JdbcClient jdbc) {
        this.decisions = decisions;
        this.jdbc = jdbc;
    }

    public Optional<Decision> current(String customerId) {
        return decisions.current(customerId);
    }

    /** @throws NoDecision when the customer is unknown or not evaluated yet */
    public Decision currentOrThrow(String customerId) {
        return decisions.current(customerId).orElseThrow(() -> noDecision(customerId));
    }

    /**
     * The current decision as a sales system sees it. Lookups are single statements and need no transaction of
     * their own: starting and committing one cost more than the query.
     *
     * @throws NoDecision when the customer is unknown or not evaluated yet
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public StoredTierLookup lookupOrThrow(String customerId) {
        return decisions.lookup(customerId).orElseThrow(() -> noDecision(customerId));
    }

    /** The current decisions of those customers that have one, as sales systems see them. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<StoredTierLookup> lookups(Collection<String> customerIds) {
        return decisions.lookups(customerIds);
    }

    /** @throws NoDecision when the customer is unknown or had no decision on that date */
    public Decision inForceOnOrThrow(String customerId, LocalDate date) {
        return decisions.inForceOn(customerId, date).orElseThrow(() -> existingCustomers(List.of(customerId)).isEmpty()
                ? NoDecision.unknownCustomer(customerId) : NoDecision.notInForce(customerId, date));
    }

    /** The history, refusing an unknown customer rather than answering an empty list. */
    public List<Decision> historyOrThrow(String customerId) {
        if (existingCustomers(List.of(customerId)).isEmpty()) {
            throw NoDecision.unknownCustomer(customerId);
        }
        return decisions.history(customerId);
    }

    private NoDecision noDecision(String customerId) {
        return existingCustomers(List.of(customerId)).isEmpty() ? NoDecision.unknownCustomer(customerId)
                : NoDecision.notEvaluatedYet(customerId);
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public java.util.Set<String> existingCustomers(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("SELECT customer_id FROM customer WHERE customer_id IN (:ids)")
                .param("ids", customerIds).query(String.class).list());
    }

    public List<Decision> current(Collection<String> customerIds) {
        return decisions.current(customerIds);
    }

    /** The current decisions of these customers, as deciding them again needs them: customer id → decision. */
    public Map<String, StandingDecision> standing(Collection<String> customerIds) {
        return decisions.standing(customerIds);
    }

    /** Every recorded change for the customer, oldest first. */
    public List<Decision> history(String customerId) {
        return decisions.history(customerId);
    }

    public Optional<Decision> inForceOn(String customerId, LocalDate date) {
        return decisions.inForceOn(customerId, date);
    }

    public long historyCount(String customerId) {
        return decisions.historyCount(customerId);
    }

    /**
     * Counts of current decisions per dimension, from one grouped scan of ix_current_decision_summary (V15): the
     * combinations are few (tiers × plans × stages × segments × risks × trigger sets), the rows are many.
     */
    public DecisionSummary summary() {
        long customers = jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
        Map<String, Long> tiers = new TreeMap<>();
        Map<String, Long> plans = new TreeMap<>();
        Map<String, Long> stages = new TreeMap<>();
        Map<String, Long> segments = new TreeMap<>();
        Map<String, Long> risks = new TreeMap<>();
        Map<String, Long> triggers = new TreeMap<>();
        long[] decided = { 0 };
        jdbc.sql("""
                SELECT tier, plan_code, lifecycle_stage, rfm_segment, churn_risk, churn_triggers, COUNT(*) AS n
                FROM current_decision
                GROUP BY tier, plan_code, lifecycle_stage, rfm_segment, churn_risk, churn_triggers
                """).query(rs -> {
            long n = rs.getLong("n");
            decided[0] += n;
            tiers.merge(orNone(rs.getString("tier")), n, Long::sum);
            plans.merge(orNone(rs.getString("plan_code")), n, Long::sum);
            stages.merge(orNone(rs.getString("lifecycle_stage")), n, Long::sum);
            segments.merge(orNone(rs.getString("rfm_segment")), n, Long::sum);
            risks.merge(orNone(rs.getString("churn_risk")), n, Long::sum);
            String fired = rs.getString("churn_triggers");
            if (fired != null && !fired.isBlank()) {
                for (String trigger : fired.split(" ")) {
                    triggers.merge(trigger, n, Long::sum);
                }
            }
        });
        return new DecisionSummary(customers, decided[0], tiers, plans, stages, segments, risks, triggers);
    }

    /**
     * Customers per tier code of their current decision, from the tier index alone: what the Rules page shows beside
     * each tier of the catalog in force, without the whole summary's scan.
     */
    public Map<String, Long> tierCounts() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT tier, COUNT(*) AS n FROM current_decision WHERE tier IS NOT NULL GROUP BY tier")
                .query(rs -> {
                    counts.put(rs.getString("tier"), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * The tier codes current decisions hold, from one grouped scan: a customer counts once for its tier in force and
     * once more for a different rules' tier under an override; a waiting downgrade counts for the tier it goes to.
     */
    public TierHoldings tierHoldings() {
        Map<String, Long> customers = new TreeMap<>();
        Map<String, Long> pending = new TreeMap<>();
        jdbc.sql("""
                SELECT tier, rules_tier, qualified_tier,
                    CASE WHEN downgrade_pending_since IS NULL THEN 0 ELSE 1 END AS pending, COUNT(*) AS n
                FROM current_decision
                GROUP BY tier, rules_tier, qualified_tier, CASE WHEN downgrade_pending_since IS NULL THEN 0 ELSE 1 END
                """).query(rs -> {
            long n = rs.getLong("n");
            String tier = rs.getString("tier");
            String rulesTier = rs.getString("rules_tier");
            customers.merge(tier, n, Long::sum);
            if (rulesTier != null && !rulesTier.equals(tier)) {
                customers.merge(rulesTier, n, Long::sum);
            }
            if (rs.getInt("pending") == 1) {
                pending.merge(rs.getString("qualified_tier"), n, Long::sum);
            }
        });
        return new TierHoldings(customers, pending);
    }

    private static String orNone(String value) {
        return value == null ? "NONE" : value;
    }

    /** Customers whose id starts with, or whose name contains, the query; with their current tier. */
    public CustomerListing customers(String query, int page, int size) {
        return customers(query, null, page, size);
    }

    /**
     * The same, and with a tier only the customers whose current decision gives that tier. Filtered by tier, the
     * listing reads current_decision through its tier index in customer id order (on MySQL the index holds the
     * primary key), so a page stops after its rows, and the tier count alone never touches the customer table.
     */
    public CustomerListing customers(String query, String tier, int page, int size) {
        return customers(query, tier, null, page, size);
    }

    /**
     * The same, and with an attribute filter only the customers with that value of the attribute (or with any value
     * of it), through customer_attribute's (name, value) index. Each row carries the customer's attribute values.
     */
    public CustomerListing customers(String query, String tier, CustomerListing.AttributeFilter attribute, int page,
            int size) {
        String q = query == null ? "" : query.trim().toLowerCase(java.util.Locale.ROOT);
        boolean byTier = tier != null && !tier.isBlank();
        List<String> conditions = new java.util.ArrayList<>();
        if (byTier) {
            conditions.add("d.tier = :tier");
        }
        if (!q.isEmpty()) {
            conditions.add("(LOWER(c.customer_id) LIKE :prefix OR LOWER(c.name) LIKE :contains)");
        }
        if (attribute != null) {
            conditions.add("EXISTS (SELECT 1 FROM customer_attribute a WHERE a.customer_id = "
                    + (byTier ? "d" : "c") + ".customer_id AND a.name = :attribute"
                    + (attribute.value() == null ? "" : " AND a.value_text = :attributeValue") + ")");
        }
        String filter = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        Map<String, Object> params = Map.of("prefix", escaped + "%", "contains", "%" + escaped + "%",
                "tier", byTier ? tier : "", "size", size, "offset", page * size,
                "attribute", attribute == null ? "" : attribute.attribute(),
                "attributeValue", attribute == null || attribute.value() == null ? "" : attribute.value());
        String decided = "current_decision d JOIN customer c ON c.customer_id = d.customer_id";
        String counted = !byTier ? "customer c" : q.isEmpty() ? "current_decision d" : decided;
        long total = jdbc.sql("SELECT COUNT(*) FROM " + counted + filter).params(params).query(Long.class).single();
        String listed = byTier ? decided + filter + " ORDER BY d.customer_id"
                : "customer c LEFT JOIN current_decision d ON d.customer_id = c.customer_id" + filter
                        + " ORDER BY c.customer_id";
        List<CustomerListing.Row> rows = jdbc.sql("""
                SELECT c.customer_id, c.name, c.industry, c.region, c.account_owner, d.tier, d.tier_name,
                    d.plan_code AS service_plan,
                    d.lifecycle_stage, d.churn_risk
                FROM\s""" + listed + " LIMIT :size OFFSET :offset")
                .params(params).query(ListedRow.class).list().stream().map(ListedRow::row).toList();
        return new CustomerListing(withAttributes(rows), page, size, total, (int) ((total + size - 1) / size));
    }

    /** A listed customer's columns, before its attribute values are added. */
    private record ListedRow(String customerId, String name, String industry, String region, String accountOwner,
            String tier, String tierName, String servicePlan, String lifecycleStage, String churnRisk) {

        CustomerListing.Row row() {
            return new CustomerListing.Row(customerId, name, industry, region, accountOwner, tier, tierName,
                    servicePlan, lifecycleStage, churnRisk, AttributeValues.NONE);
        }
    }

    /** The rows with their customers' attribute values, read for the page's customers at once. */
    private List<CustomerListing.Row> withAttributes(List<CustomerListing.Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, Map<String, Object>> values = new java.util.HashMap<>();
        jdbc.sql("SELECT customer_id, name, value_type, value_text FROM customer_attribute WHERE customer_id IN (:ids)")
                .param("ids", rows.stream().map(CustomerListing.Row::customerId).toList())
                .query((rs, i) -> values.computeIfAbsent(rs.getString(1), id -> new java.util.HashMap<>())
                        .put(rs.getString(2), AttributeValues.fromStored(rs.getString(3), rs.getString(4))))
                .list();
        return rows.stream().map(row -> row.with(AttributeValues.of(values.getOrDefault(row.customerId(), Map.of()))))
                .toList();
    }
}
