package com.acme.tiering.demo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the data generator was asked for on the command line. Arguments with a dot in their name
 * ({@code --spring.datasource.url=…}) are Spring properties and passed on untouched.
 *
 * @param today the date the data ends on; null for the current date in {@code tiering.zone}
 * @param append add customers to a customer table that is not empty, numbered after its highest CUST- id
 */
record GeneratorOptions(long customers, long seed, LocalDate today, boolean append, int threads, int chunkSize,
        List<String> springArguments) {

    static final String USAGE = """
            Usage: --generate [--customers=N] [--seed=S] [--append] [--today=YYYY-MM-DD] [--threads=T] [--chunk-size=C]
              --customers   how many customers to write (default 2000)
              --seed        the same seed and date give the same data (default 42)
              --append      write into a customer table that already has customers (refused without it)
              --today       the date the data ends on (default: today in tiering.zone)
              --threads     connections writing at once (default 2)
              --chunk-size  customers per transaction (default 1000)
            The database is the configured one: SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD, else the embedded H2.""";

    private static final Set<String> NAMES = Set.of("generate", "customers", "seed", "append", "today", "threads",
            "chunk-size");

    static GeneratorOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        List<String> springArguments = new ArrayList<>();
        for (String arg : args) {
            String name = arg.replaceFirst("^--", "").replaceFirst("=.*", "");
            if (arg.startsWith("--") && name.contains(".")) {
                springArguments.add(arg);
            }
            else if (arg.startsWith("--") && NAMES.contains(name)) {
                given.put(name, arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "");
            }
            else {
                throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        GeneratorOptions options = new GeneratorOptions(number(given, "customers", 2000), number(given, "seed", 42),
                date(given, "today"), given.containsKey("append"), (int) number(given, "threads", 2),
                (int) number(given, "chunk-size", 1000), List.copyOf(springArguments));
        if (options.customers < 1 || options.threads < 1 || options.threads > 32 || options.chunkSize < 1
                || options.chunkSize > 100_000) {
            throw new IllegalArgumentException("Need --customers >= 1, --threads 1..32 and --chunk-size 1..100000");
        }
        return options;
    }

    /** Digits, optionally grouped with _ or , as in 1_000_000. */
    private static long number(Map<String, String> given, String name, long otherwise) {
        String value = given.get(name);
        try {
            return value == null ? otherwise : Long.parseLong(value.replace("_", "").replace(",", ""));
        }
        catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--" + name + "=" + value + ": not a whole number");
        }
    }

    private static LocalDate date(Map<String, String> given, String name) {
        String value = given.get(name);
        try {
            return value == null ? null : LocalDate.parse(value);
        }
        catch (DateTimeParseException notADate) {
            throw new IllegalArgumentException("--" + name + "=" + value + ": not a date (YYYY-MM-DD)");
        }
    }
}
