package com.acme.tiering.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the test's datasource at the real server chosen by {@link TestDatabase}. */
class MySqlDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase.Connection db = TestDatabase.connection()
                .orElseThrow(() -> new IllegalStateException("MySqlDatabase test started without a server"));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mysqlTestDatabase", Map.of(
                "spring.datasource.url", db.url(),
                "spring.datasource.username", db.user() == null ? "" : db.user(),
                "spring.datasource.password", db.password() == null ? "" : db.password())));
    }
}
