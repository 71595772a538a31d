package com.acme.tiering.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import com.acme.tiering.support.Latin1Database;
import com.acme.tiering.support.MySqlAvailability;

/**
 * A MySQL-protocol database created with the latin1 default charset, migrated up to V8 before the service kept its
 * schema utf8mb4 (as an installation that ran into the issue is): the service, started on it, converts those
 * tables, creates the rest (Spring Batch's job repository included) as utf8mb4, and stores explanations with "≥" and
 * names in Chinese.
 */
@Tag("mysql")
@ExtendWith(MySqlAvailability.class)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = Latin1DatabaseMySqlTests.MigratedBeforeTheFix.class)
class Latin1DatabaseMySqlTests {

    private static final String FOREIGN_KEYS = "SELECT CONCAT(TABLE_NAME, '.', CONSTRAINT_NAME, ' → ', "
            + "REFERENCED_TABLE_NAME, ' ', UPDATE_RULE, ' ', DELETE_RULE) FROM information_schema.REFERENTIAL_CONSTRAINTS "
            + "WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY 1";

    /** The charset of the customer table before the service started: latin1, or the test proves nothing. */
    private static String customerCharsetBefore;

    /** The foreign keys of the migrations up to V8, which the conversion drops and adds again. */
    private static List<String> foreignKeysBefore;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    /** Recreates the latin1 database, migrates it to V8 without the service, then points the service at it. */
    static class MigratedBeforeTheFix implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Latin1Database.Connection db = Latin1Database.connection().orElseThrow();
            Latin1Database.recreate(db);
            Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration")
                    .target("8").load().migrate();
            JdbcTemplate before = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
            customerCharsetBefore = before.queryForObject("SELECT TABLE_COLLATION FROM information_schema.TABLES "
                    + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customer'", String.class);
            foreignKeysBefore = before.queryForList(FOREIGN_KEYS, String.class);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("latin1Database", Map.of(
                    "spring.datasource.url", db.url(), "spring.datasource.username", db.user(),
                    "spring.datasource.password", db.password() == null ? "" : db.password())));
        }
    }

    @Test
    void everyTableOfTheLatin1DatabaseIsUtf8mb4OnceTheServiceHasStarted() {
        assertThat(customerCharsetBefore).startsWith("latin1");

        assertThat(jdbc.queryForObject("SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA "
                + "WHERE SCHEMA_NAME = DATABASE()", String.class)).isEqualTo("utf8mb4");
        List<Map<String, Object>> tables = jdbc.queryForList("SELECT TABLE_NAME, TABLE_COLLATION FROM "
                + "information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'");
        assertThat(tables).extracting(table -> String.valueOf(table.get("TABLE_NAME")).toLowerCase())
                .contains("customer", "current_decision", "decision_history", "batch_step_execution_context",
                        "flyway_schema_history");
        assertThat(tables).allSatisfy(table -> assertThat(String.valueOf(table.get("TABLE_COLLATION")))
                .as("collation of %s", table.get("TABLE_NAME")).startsWith("utf8mb4"));
        assertThat(tables).extracting(table -> table.get("TABLE_COLLATION")).as("one collation, so joins compare")
                .containsOnly(tables.get(0).get("TABLE_COLLATION"));
        assertThat(foreignKeysBefore).hasSizeGreaterThan(5);
        assertThat(jdbc.queryForList(FOREIGN_KEYS, String.class)).containsAll(foreignKeysBefore);
    }

    @Test
    void aCustomerWithAChineseNameIsEvaluatedAndItsExplanationWithGreaterOrEqualRoundTrips() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String name = "北京星辰贸易有限公司 — Ünïcode ≥ ✓";
        mvc.perform(put("/api/v1/customers/LATIN1-1").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"industry\":\"制造业\",\"region\":\"华北\"}"))
                .andExpect(status().is2xxSuccessful());
        // revenueLast12m 20,000 ≥ 20,000 and growth 100% ≥ 50%: "Key: fast-growing account"
        mvc.perform(post("/api/v1/customers/LATIN1-1/orders").contentType(MediaType.APPLICATION_JSON)
                .content("{\"orders\":[" + order("o-1", today.minusDays(500), "10000.00") + ","
                        + order("o-2", today.minusDays(40), "8000.00") + "," + order("o-3", today.minusDays(10),
                                "12000.00") + "]}"))
                .andExpect(status().is2xxSuccessful());

        mvc.perform(post("/api/v1/customers/LATIN1-1/evaluation")).andExpect(status().isOk())
                .andExpect(jsonPath("$.tier").value("B"));

        String explanation = mvc.perform(get("/api/v1/customers/LATIN1-1/explanation")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(explanation).contains("≥ 20,000").contains(name);
        assertThat(jdbc.queryForObject("SELECT decision_json FROM current_decision WHERE customer_id = 'LATIN1-1'",
                String.class)).contains("≥");
        assertThat(jdbc.queryForMap("SELECT name, industry FROM customer WHERE customer_id = 'LATIN1-1'"))
                .containsEntry("name", name).containsEntry("industry", "制造业");
        mvc.perform(get("/api/v1/customers/LATIN1-1/tier")).andExpect(jsonPath("$.tier", Matchers.is("B")));
    }

    private static String order(String id, LocalDate date, String amount) {
        return "{\"orderId\":\"" + id + "\",\"orderDate\":\"" + date + "\",\"amount\":" + amount + "}";
    }
}
