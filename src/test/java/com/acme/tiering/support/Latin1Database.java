package com.acme.tiering.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second database on the test server, created with the latin1 default charset as many MySQL and MariaDB
 * installations still create databases: {@code TIERING_TEST_DB_LATIN1_URL}, or else the database of
 * {@code TIERING_TEST_DB_URL} with {@code _latin1} appended ({@code .ci/run} creates {@code tiering_test_latin1}),
 * reached with the same user. Empty where no MySQL-protocol server is given.
 */
public final class Latin1Database {

    static final String URL_VARIABLE = "TIERING_TEST_DB_LATIN1_URL";
    private static final Pattern DATABASE = Pattern.compile("^(jdbc:[a-z]+://[^/]+/)([^?;]+)(.*)$");

    private Latin1Database() {
    }

    /** The url, user and password of the latin1 database. */
    public record Connection(String url, String user, String password) {
    }

    public static Optional<Connection> connection() {
        return TestDatabase.connection().map(server -> {
            String url = System.getenv(URL_VARIABLE);
            return new Connection(url == null || url.isBlank() ? derived(server.url()) : url, server.user(),
                    server.password());
        });
    }

    /**
     * Empties the database and gives it the latin1 default again, as if it had just been created so: the service
     * changes the default when it starts, and earlier test runs have left their tables.
     *
     * @throws IllegalStateException saying how to create the database when it does not exist or may not be used
     */
    public static void recreate(Connection db) {
        Matcher url = DATABASE.matcher(db.url());
        if (!url.matches()) {
            throw new IllegalStateException("Cannot tell the database name from " + db.url());
        }
        String name = url.group(2);
        try (java.sql.Connection server = DriverManager.getConnection(url.group(1) + url.group(3), db.user(),
                db.password()); Statement sql = server.createStatement()) {
            sql.execute("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET latin1");
            sql.execute("USE `" + name + "`");
            sql.execute("SET FOREIGN_KEY_CHECKS = 0");
            for (String drop : drops(sql)) {
                sql.execute(drop);
            }
            sql.execute("ALTER DATABASE `" + name + "` CHARACTER SET latin1 COLLATE latin1_swedish_ci");
        }
        catch (SQLException refused) {
            throw new IllegalStateException("The latin1 test database " + name + " cannot be used (" + refused.getMessage()
                    + "). Create it as root: CREATE DATABASE " + name + " CHARACTER SET latin1; GRANT ALL ON " + name
                    + ".* TO '" + db.user() + "'@'127.0.0.1'; or name another in " + URL_VARIABLE, refused);
        }
    }

    private static List<String> drops(Statement sql) throws SQLException {
        List<String> drops = new ArrayList<>();
        try (var rows = sql.executeQuery("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = DATABASE()")) {
            while (rows.next()) {
                String kind = switch (rows.getString(2)) {
                    case "SEQUENCE" -> "SEQUENCE";
                    case "VIEW", "SYSTEM VIEW" -> "VIEW";
                    default -> "TABLE";
                };
                drops.add("DROP " + kind + " `" + rows.getString(1).replace("`", "``") + "`");
            }
        }
        return drops;
    }

    private static String derived(String serverUrl) {
        Matcher url = DATABASE.matcher(serverUrl);
        if (!url.matches()) {
            throw new IllegalStateException("Cannot tell the database name from " + serverUrl + ": set " + URL_VARIABLE);
        }
        return url.group(1) + url.group(2) + "_latin1" + url.group(3);
    }
}
