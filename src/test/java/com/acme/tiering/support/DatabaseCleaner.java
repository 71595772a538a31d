package com.acme.tiering.support;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties the data tables between tests that share one database (H2 contexts are cached, the real
 * MySQL server is shared by every class). Ruleset versions are kept: the running service owns them.
 */
public final class DatabaseCleaner {

    // Children before parents, so foreign keys never object.
    private static final List<String> TABLES = List.of(
            "audit_log", "churn_alert_outbox", "churn_alert_transition", "churn_alert", "manual_override", "decision_history", "current_decision", "population_score",
            "population_statistics", "evaluation_run_tier", "evaluation_run_ruleset", "evaluation_run", "interaction", "customer_order", "customer_attribute", "customer");

    private DatabaseCleaner() {
    }

    public static void clean(JdbcTemplate jdbc) {
        TABLES.forEach(table -> jdbc.update("DELETE FROM " + table));
    }
}
