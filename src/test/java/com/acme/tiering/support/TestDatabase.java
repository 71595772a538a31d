package com.acme.tiering.support;

import java.util.Optional;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/** The real MySQL-protocol server tests use, found once per JVM. */
final class TestDatabase {

    static final String URL_VARIABLE = "TIERING_TEST_DB_URL";

    private static Optional<Connection> connection;

    private TestDatabase() {
    }

    record Connection(String url, String user, String password, String description) {
    }

    static synchronized Optional<Connection> connection() {
        if (connection == null) {
            connection = fromEnvironment().or(TestDatabase::fromTestcontainers);
        }
        return connection;
    }

    private static Optional<Connection> fromEnvironment() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Connection(url, System.getenv("TIERING_TEST_DB_USER"),
                System.getenv("TIERING_TEST_DB_PASSWORD"), "server from " + URL_VARIABLE + " (" + url + ")"));
    }

    private static Optional<Connection> fromTestcontainers() {
        if (!dockerAvailable()) {
            return Optional.empty();
        }
        // One container for the whole test JVM; Testcontainers' Ryuk removes it afterwards.
        MySQLContainer mysql = new MySQLContainer("mysql:8.4").withDatabaseName("tiering");
        mysql.start();
        createLatin1Database(mysql);
        return Optional.of(new Connection(mysql.getJdbcUrl(), mysql.getUsername(), mysql.getPassword(),
                "Testcontainers " + mysql.getDockerImageName()));
    }

    /** The second database {@link Latin1Database} uses; only root may create it, as .ci/run does on CI. */
    private static void createLatin1Database(MySQLContainer mysql) {
        try {
            mysql.execInContainer("mysql", "-uroot", "-p" + mysql.getPassword(), "-e", "CREATE DATABASE tiering_latin1 "
                    + "CHARACTER SET latin1; GRANT ALL ON tiering_latin1.* TO '" + mysql.getUsername() + "'@'%';");
        }
        catch (java.io.IOException | InterruptedException notCreated) {
            // Latin1DatabaseMySqlTests then fails saying how to create it
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException noDocker) {
            return false;
        }
    }
}
