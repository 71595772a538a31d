package com.acme.tiering.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

import com.acme.tiering.TieringProperties;

/** Demo passwords are for the embedded database only: anywhere else the service refuses to start. */
class DemoPasswordTests {

    private static TieringProperties withUser(String password) {
        return new Binder(new MapConfigurationPropertySource(Map.of("tiering.security.users[0].name", "ops",
                "tiering.security.users[0].password", password, "tiering.security.users[0].roles[0]", "OPS_MANAGER")))
                .bindOrCreate("tiering", TieringProperties.class);
    }

    @Test
    void aDemoPasswordOnAnotherDatabaseStopsTheStart() {
        MockEnvironment mysql = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:mysql://db/tiering");
        assertThatThrownBy(() -> new SecurityConfiguration().users(withUser("{noop}ops-demo"), mysql))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("demo password");
    }

    @Test
    void aRealPasswordOnAnotherDatabaseAndDemoUsersOnTheEmbeddedOneAreFine() {
        MockEnvironment mysql = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:mysql://db/tiering");
        assertThat(new SecurityConfiguration().users(withUser("{bcrypt}$2a$10$abcdefghijklmnopqrstuv"), mysql)
                .loadUserByUsername("ops")).isNotNull();
        MockEnvironment h2 = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x");
        assertThat(new SecurityConfiguration().users(withUser("{noop}ops-demo"), h2).loadUserByUsername("ops"))
                .isNotNull();
        assertThat(new SecurityConfiguration().users(new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("tiering", TieringProperties.class), h2).loadUserByUsername("auditor")).isNotNull();
    }
}
