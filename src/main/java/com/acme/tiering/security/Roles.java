package com.acme.tiering.security;

import java.util.List;

/** Who may do what; docs/security.md has the matrix of endpoints and roles, checked by a test. */
public final class Roles {

    /** A sales system, by API key: tier lookups and what-if, nothing else. */
    public static final String SALES_SYSTEM = "SALES_SYSTEM";

    /** A system feeding customers, orders and interactions, by API key. */
    public static final String INGESTION = "INGESTION";

    /** Decision tables, simulations, approvals, publication; overrides, churn alerts, runs; reads everything. */
    public static final String OPS_MANAGER = "OPS_MANAGER";

    /** Everything an operations manager may do with rules, and DRL. */
    public static final String RULE_AUTHOR = "RULE_AUTHOR";

    /** Reads everything, changes nothing. */
    public static final String AUDITOR = "AUDITOR";

    /** Users and API keys; reads everything. */
    public static final String ADMIN = "ADMIN";

    /** A Prometheus server, by HTTP Basic of a configured user: reads /actuator/prometheus, nothing else. */
    public static final String METRICS = "METRICS";

    public static final List<String> ALL = List.of(SALES_SYSTEM, INGESTION, OPS_MANAGER, RULE_AUTHOR, AUDITOR, ADMIN,
            METRICS);

    /** The roles an API key may carry: systems, not people. */
    public static final List<String> KEY_ROLES = List.of(SALES_SYSTEM, INGESTION);

    private Roles() {
    }
}
