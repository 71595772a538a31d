package com.acme.tiering.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test class against a real MySQL-protocol server instead of the in-memory H2:
 * the server named by {@code TIERING_TEST_DB_URL}, {@code TIERING_TEST_DB_USER} and
 * {@code TIERING_TEST_DB_PASSWORD} (CI points these at the local MariaDB), otherwise a MySQL 8
 * Testcontainer where Docker runs. With neither, the class is skipped and says why.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("mysql")
@ExtendWith(MySqlAvailability.class)
@ContextConfiguration(initializers = MySqlDatabaseInitializer.class)
public @interface MySqlDatabase {
}
