package com.acme.tiering.schema;

import java.util.List;

/** The schema holds text in another charset than utf8mb4, and the service could not convert it. */
public class SchemaNotUtf8mb4 extends RuntimeException {

    private final String schema;
    private final List<String> statements;

    private SchemaNotUtf8mb4(String message, String schema, List<String> statements, Throwable cause) {
        super(message, cause);
        this.schema = schema;
        this.statements = List.copyOf(statements);
    }

    static SchemaNotUtf8mb4 because(Utf8mb4Repair repair, String user, Throwable refused) {
        String what = "default character set is " + repair.charset() + (repair.tables().isEmpty() ? ""
                : " and " + repair.tables().size() + " table(s) are not utf8mb4 (" + String.join(", ", repair.tables())
                        + ")");
        return new SchemaNotUtf8mb4("The database '" + repair.schema() + "' stores text in another character set "
                + "than utf8mb4: its " + what + ". Explanations hold '≥' and customer names may be in any script, which "
                + "only utf8mb4 stores. The service converts the schema itself, but could not as user " + user + ": "
                + refused.getMessage(), repair.schema(), repair.statements(), refused);
    }

    public String schema() {
        return schema;
    }

    /** What makes the schema utf8mb4, for an administrator to run (or to grant the user ALTER for). */
    public List<String> statements() {
        return statements;
    }
}
