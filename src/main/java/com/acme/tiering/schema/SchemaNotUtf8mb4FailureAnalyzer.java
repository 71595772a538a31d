package com.acme.tiering.schema;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a schema the service could not make utf8mb4 into one message saying what to run. */
class SchemaNotUtf8mb4FailureAnalyzer extends AbstractFailureAnalyzer<SchemaNotUtf8mb4> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemaNotUtf8mb4 cause) {
        String statements = cause.statements().stream().map(sql -> "  " + sql + ";").collect(Collectors.joining("\n"));
        return new FailureAnalysis(cause.getMessage(), "Have a database administrator run, in database '"
                + cause.schema() + "':\n" + statements + "\nor grant this user the ALTER privilege on '" + cause.schema()
                + "', then start the service again.", cause);
    }
}
