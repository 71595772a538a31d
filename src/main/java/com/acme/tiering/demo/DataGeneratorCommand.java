package com.acme.tiering.demo;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import com.acme.tiering.schema.Utf8mb4Schema;

/**
 * {@code --generate}: fills the configured database with generated customers, orders and interactions and
 * exits. It starts only the datasource and Flyway, so no web server, rules or evaluation run, and refuses a
 * customer table that already has rows unless told {@code --append}.
 */
public final class DataGeneratorCommand {

    private final PrintStream out;

    private DataGeneratorCommand(PrintStream out) {
        this.out = out;
    }

    /** Whether the command line asks for the generator rather than the service. */
    public static boolean requested(String[] args) {
        return Arrays.asList(args).contains("--generate");
    }

    /** @return the exit code: 0 done, 1 failed while writing, 2 refused (usage, or a non-empty database) */
    public static int run(String[] args, PrintStream out) {
        GeneratorOptions options;
        try {
            options = GeneratorOptions.parse(args);
        }
        catch (IllegalArgumentException wrongUsage) {
            out.println(wrongUsage.getMessage());
            out.println(GeneratorOptions.USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext database = database(options)) {
            return new DataGeneratorCommand(out).generate(options, database);
        }
        catch (SQLException | RuntimeException failure) {
            out.println("Generation failed: " + failure);
            return 1;
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            out.println("Generation interrupted");
            return 1;
        }
    }

    private int generate(GeneratorOptions options, ConfigurableApplicationContext database)
            throws SQLException, InterruptedException {
        Environment environment = database.getEnvironment();
        DataSource dataSource = database.getBean(DataSource.class);
        CustomerNumbers numbers = CustomerNumbers.in(new JdbcTemplate(dataSource));
        if (numbers.existing() > 0 && !options.append()) {
            out.printf("The customer table already has %,d customers: nothing written. Use --append to add %,d more"
                    + " after them, or point the command at an empty database.%n", numbers.existing(),
                    options.customers());
            return 2;
        }
        LocalDate today = options.today() != null ? options.today()
                : LocalDate.now(ZoneId.of(environment.getProperty("tiering.zone", "UTC")));
        long first = numbers.next();
        int digits = Math.max(numbers.digits(), DemoDataGenerator.idDigits(first + options.customers() - 1));
        DemoDataGenerator generator = new DemoDataGenerator(options.seed(), today, digits);
        out.printf("Generating %,d customers (%s .. %s, seed %d, as of %s) into %s, %d threads, chunks of %,d%n",
                options.customers(), generator.customerId(first), generator.customerId(first + options.customers() - 1),
                options.seed(), today, environment.getProperty("spring.datasource.url"), options.threads(),
                options.chunkSize());
        GenerationProgress progress = new GenerationProgress(out, options.customers(),
                out == System.out && GenerationProgress.stdoutIsTerminal(), System::nanoTime);
        // Rows are stamped with the start of "today", not the wall clock: the same seed and date give the same tables.
        new BulkGeneration(dataSource, generator, today.atStartOfDay().toInstant(ZoneOffset.UTC), progress)
                .run(first, options.customers(), options.chunkSize(), options.threads());
        progress.finish();
        return 0;
    }

    /** A context with only the configured datasource, after Flyway has brought its schema up to date. */
    private static ConfigurableApplicationContext database(GeneratorOptions options) {
        List<String> arguments = options.springArguments();
        return new SpringApplicationBuilder(Database.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("logging.level.root=WARN",
                        "spring.datasource.hikari.maximum-pool-size=" + (options.threads() + 1))
                .run(arguments.toArray(String[]::new));
    }

    @ImportAutoConfiguration({ DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
    @Import(Utf8mb4Schema.class) // the generator's Flyway keeps the schema utf8mb4 as the service's does
    static class Database {
    }
}
