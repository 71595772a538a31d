package com.acme.tiering.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips {@link MySqlDatabase} tests, with the reason, when no MySQL-protocol server can be had. */
public class MySqlAvailability implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return TestDatabase.connection()
                .map(db -> ConditionEvaluationResult.enabled("MySQL-protocol server: " + db.description()))
                .orElseGet(() -> ConditionEvaluationResult.disabled(
                        "No MySQL-protocol server: set TIERING_TEST_DB_URL, TIERING_TEST_DB_USER and "
                                + "TIERING_TEST_DB_PASSWORD, or run a Docker engine for Testcontainers"));
    }
}
