package com.acme.tiering.security;

/** Who may do what with rules; issue 6 adds the sales-system, auditor and admin roles. */
public final class Roles {

    /**
     * Uploads decision tables, simulates, approves, publishes and activates versions; sets manual overrides;
     * acknowledges and resolves churn alerts.
     */
    public static final String OPS_MANAGER = "OPS_MANAGER";

    /** Everything an operations manager may, and uploads DRL. */
    public static final String RULE_AUTHOR = "RULE_AUTHOR";

    private Roles() {
    }
}
