package com.acme.tiering.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** What the service runs, or tells an administrator to run, to make a schema utf8mb4. */
class Utf8mb4RepairTests {

    private static final Utf8mb4Repair.ForeignKey ORDER_CUSTOMER = new Utf8mb4Repair.ForeignKey("fk_order_customer",
            "customer_order", List.of("customer_id"), "customer", List.of("customer_id"), "RESTRICT", "CASCADE");
    private static final Utf8mb4Repair.ForeignKey RUN_TIER = new Utf8mb4Repair.ForeignKey("fk_run_tier", "run_tier",
            List.of("run_id", "tier"), "run", List.of("id", "tier"), "RESTRICT", "RESTRICT");

    @Test
    void aLatin1SchemaGetsTheDefaultThenItsTablesWithTheForeignKeysOnThemDroppedAndAddedBack() {
        Utf8mb4Repair repair = new Utf8mb4Repair("tiering", "latin1", "utf8mb4_general_ci",
                List.of("customer", "customer_order"), List.of(ORDER_CUSTOMER, RUN_TIER));

        assertThat(repair.needed()).isTrue();
        assertThat(repair.statements()).containsExactly(
                "ALTER DATABASE `tiering` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
                "SET FOREIGN_KEY_CHECKS = 0",
                "ALTER TABLE `customer_order` DROP FOREIGN KEY `fk_order_customer`",
                "ALTER TABLE `customer` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
                "ALTER TABLE `customer_order` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
                "ALTER TABLE `customer_order` ADD CONSTRAINT `fk_order_customer` FOREIGN KEY (`customer_id`) "
                        + "REFERENCES `customer` (`customer_id`) ON DELETE CASCADE",
                "SET FOREIGN_KEY_CHECKS = 1");
    }

    @Test
    void aUtf8mb4SchemaWithItsTablesNeedsNothingAndAKeyOfSeveralColumnsKeepsTheirOrder() {
        assertThat(new Utf8mb4Repair("tiering", "utf8mb4", "utf8mb4_0900_ai_ci", List.of(), List.of(RUN_TIER))
                .needed()).isFalse();
        assertThat(new Utf8mb4Repair("tiering", "utf8mb4", "utf8mb4_0900_ai_ci", List.of("run"), List.of(RUN_TIER))
                .statements()).contains("ALTER TABLE `run_tier` ADD CONSTRAINT `fk_run_tier` FOREIGN KEY (`run_id`, "
                        + "`tier`) REFERENCES `run` (`id`, `tier`)")
                .doesNotContain("ALTER DATABASE `tiering` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci");
    }

    @Test
    void aSchemaTheUserMayNotConvertStopsStartUpSayingWhatToRun() {
        Utf8mb4Repair repair = new Utf8mb4Repair("tiering", "latin1", "utf8mb4_general_ci", List.of("customer"),
                List.of());
        SchemaNotUtf8mb4 refused = SchemaNotUtf8mb4.because(repair, "tiering@localhost",
                new SQLException("Access denied for user 'tiering'@'localhost' to database 'tiering'"));

        FailureAnalysis analysis = new SchemaNotUtf8mb4FailureAnalyzer()
                .analyze(new IllegalStateException("Error while executing beforeMigrate callback", refused));

        assertThat(analysis.getDescription()).contains("The database 'tiering' stores text in another character set "
                + "than utf8mb4: its default character set is latin1 and 1 table(s) are not utf8mb4 (customer)")
                .contains("Access denied").doesNotContain("Exception");
        assertThat(analysis.getAction()).contains("ALTER DATABASE `tiering` CHARACTER SET utf8mb4 COLLATE "
                + "utf8mb4_general_ci;\n").contains("ALTER TABLE `customer` CONVERT TO CHARACTER SET utf8mb4")
                .contains("grant this user the ALTER privilege on 'tiering'");
    }
}
