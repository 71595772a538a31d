package com.acme.tiering.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps every table of a MySQL or MariaDB schema in utf8mb4, before and after each Flyway migrate. Explanations
 * hold "≥" and customers have names in any script; a database created with another default character set (latin1
 * is MySQL 5's and many distributions' default) gave the migrations' tables that charset, the service started, and
 * every evaluation failed. The migrations cannot say utf8mb4 themselves: applied scripts are never edited, and
 * the next one written would forget. So the schema's default is set to utf8mb4 before migrating (tables created
 * from then on get it, on Flyway's migration connection too) and any base table still in another charset is
 * converted, before (so a pending migration may write any text into it) and after (a table a script created in
 * another charset). When the database user may
 * not do that, start-up stops with one message saying what to run. Columns declared with a charset of their own
 * are a deliberate choice and kept. H2 stores Unicode anyway: nothing to do.
 */
@Component
public class Utf8mb4Schema implements Callback {

    private static final Logger log = LoggerFactory.getLogger(Utf8mb4Schema.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true; // MySQL commits DDL at once anyway
    }

    @Override
    public String getCallbackName() {
        return "utf8mb4 schema";
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            if (!mysqlFamily(connection)) {
                return;
            }
            if (event == Event.BEFORE_EACH_MIGRATE) {
                takeTheSchemaDefaultAgain(connection);
            }
            else {
                makeUtf8mb4(connection);
            }
        }
        catch (SQLException unreadable) {
            throw new IllegalStateException("Could not read the schema's character sets", unreadable);
        }
    }

    private static boolean mysqlFamily(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb");
    }

    private static void makeUtf8mb4(Connection connection) throws SQLException {
        String charset = single(connection, "SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA "
                + "WHERE SCHEMA_NAME = DATABASE()");
        List<String> tables = tablesNotUtf8mb4(connection);
        if ("utf8mb4".equalsIgnoreCase(charset) && tables.isEmpty()) {
            return;
        }
        Utf8mb4Repair repair = new Utf8mb4Repair(single(connection, "SELECT DATABASE()"), charset,
                collation(connection, charset), tables, ForeignKeys.of(connection));
        try (Statement statement = connection.createStatement()) {
            for (String sql : repair.statements()) {
                statement.execute(sql);
            }
        }
        catch (SQLException refused) {
            throw SchemaNotUtf8mb4.because(repair, connection.getMetaData().getUserName(), refused);
        }
        log.warn("Database {} had default character set {} and {} table(s) not in utf8mb4 ({}): converted to {}",
                repair.schema(), charset, tables.size(), String.join(", ", tables), repair.collation());
    }

    /**
     * Flyway migrates on a connection of its own, opened before the schema's default was changed, and a MySQL or
     * MariaDB session keeps the default of the schema as it was when the session selected it: selecting it again
     * (from another schema) makes the tables the migration creates utf8mb4.
     */
    private static void takeTheSchemaDefaultAgain(Connection connection) throws SQLException {
        String session = single(connection, "SELECT @@collation_database");
        String schema = single(connection, "SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA "
                + "WHERE SCHEMA_NAME = DATABASE()");
        if (schema != null && !schema.equals(session)) {
            String name = Utf8mb4Repair.quoted(single(connection, "SELECT DATABASE()"));
            try (Statement statement = connection.createStatement()) {
                statement.execute("USE information_schema"); // selecting the schema it is in already changes nothing
                statement.execute("USE " + name);
            }
        }
    }

    /** The schema's collation when it is utf8mb4 already (its tables have it), else utf8mb4's default collation. */
    private static String collation(Connection connection, String charset) throws SQLException {
        String collation = "utf8mb4".equalsIgnoreCase(charset)
                ? single(connection, "SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA "
                        + "WHERE SCHEMA_NAME = DATABASE()")
                : single(connection, "SELECT COLLATION_NAME FROM information_schema.COLLATIONS "
                        + "WHERE CHARACTER_SET_NAME = 'utf8mb4' AND IS_DEFAULT = 'Yes'");
        if (collation == null || !collation.matches("utf8mb4_[A-Za-z0-9_]+")) { // it goes into DDL as it is
            throw new IllegalStateException("No utf8mb4 collation to convert the schema to: " + collation);
        }
        return collation;
    }

    /** Base tables (not views or MariaDB's sequences) whose default collation is not one of utf8mb4's. */
    private static List<String> tablesNotUtf8mb4(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT TABLE_NAME FROM information_schema.TABLES
                WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'
                  AND (TABLE_COLLATION IS NULL OR TABLE_COLLATION NOT LIKE 'utf8mb4%')
                ORDER BY TABLE_NAME""");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }
}
