package com.acme.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import com.acme.tiering.support.MySqlAvailability;
import com.acme.tiering.support.ProxiedDatabaseInitializer;
import com.acme.tiering.support.TieringApi;

/**
 * The database goes away under a running service and comes back: lookups answer 503 with Retry-After and a
 * problem detail within a bounded time, health says DOWN, and both recover by themselves, without a restart.
 * Runs on the real MySQL-protocol server (CI: the local MariaDB). Where {@code TIERING_TEST_DB_STOP} and
 * {@code TIERING_TEST_DB_START} give commands (CI: {@code .ci/mariadb-ctl}), the server itself is stopped and
 * started; otherwise the proxy between the service and the server is cut and restored.
 */
@Tag("mysql")
@ExtendWith(MySqlAvailability.class)
@ContextConfiguration(initializers = ProxiedDatabaseInitializer.class)
@SpringBootTest(properties = { "spring.datasource.hikari.connection-timeout=2000",
        "management.endpoint.health.show-details=always" })
@AutoConfigureMockMvc
class DatabaseOutageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TieringApi api;

    @Test
    void lookupsAnswer503WhileTheDatabaseIsGoneAndRecoverByThemselves() throws Exception {
        api.emptyDatabase();
        api.customer("OUT-1").name("Outage Ltd").industry(null).region(null).owner(null).create();
        api.evaluate("OUT-1");
        api.tier("OUT-1").andExpect(status().isOk());

        Outage outage = Outage.fromEnvironment();
        outage.begin();
        try {
            long start = System.nanoTime();
            MockHttpServletResponse down = mvc.perform(get("/api/v1/customers/OUT-1/tier")).andReturn().getResponse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(down.getStatus()).isEqualTo(503);
            assertThat(down.getHeader("Retry-After")).isEqualTo("5");
            assertThat(down.getContentType()).contains("application/problem+json");
            assertThat(down.getContentAsString()).contains("database").doesNotContain("Exception").doesNotContain("at com.");
            MockHttpServletResponse health = mvc.perform(get("/actuator/health")).andReturn().getResponse();
            assertThat(health.getStatus()).isEqualTo(503);
            assertThat(health.getContentAsString()).contains("\"DOWN\"");
        }
        finally {
            outage.end();
        }

        await("lookup after the database came back").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> mvc.perform(get("/api/v1/customers/OUT-1/tier")).andReturn().getResponse().getStatus(),
                        status -> status == 200);
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    /** Stops the real server with the given commands, or cuts the proxy when none are given. */
    private record Outage(String stop, String start) {

        static Outage fromEnvironment() {
            return new Outage(System.getenv("TIERING_TEST_DB_STOP"), System.getenv("TIERING_TEST_DB_START"));
        }

        void begin() throws Exception {
            if (stop == null || start == null) {
                ProxiedDatabaseInitializer.proxy().cut();
            }
            else {
                run(stop);
            }
        }

        void end() throws Exception {
            if (stop == null || start == null) {
                ProxiedDatabaseInitializer.proxy().restore();
            }
            else {
                run(start);
            }
        }

        private static void run(String command) throws Exception {
            Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
            if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError("'" + command + "' did not succeed");
            }
        }
    }
}
