package com.acme.tiering.demo;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the customer table already holds, so that appended customers continue the numbering after the
 * highest generated id ({@code CUST-} and digits) with the same width.
 */
record CustomerNumbers(long existing, long highest, int digits) {

    private static final String PREFIX = "CUST-";

    static CustomerNumbers in(JdbcTemplate jdbc) {
        long existing = jdbc.queryForObject("SELECT COUNT(*) FROM customer", Long.class);
        if (existing == 0) {
            return new CustomerNumbers(0, 0, 0);
        }
        // Zero-padded ids of one width sort as their numbers; the widest are the latest.
        List<String> highest = jdbc.queryForList("""
                SELECT MAX(customer_id) FROM customer
                WHERE customer_id LIKE 'CUST-%' AND CHAR_LENGTH(customer_id) = (
                    SELECT MAX(CHAR_LENGTH(customer_id)) FROM customer WHERE customer_id LIKE 'CUST-%')
                """, String.class);
        String id = highest.isEmpty() ? null : highest.get(0);
        if (id == null) {
            return new CustomerNumbers(existing, 0, 0);
        }
        try {
            return new CustomerNumbers(existing, Long.parseLong(id.substring(PREFIX.length())),
                    id.length() - PREFIX.length());
        }
        catch (NumberFormatException notGenerated) {
            throw new IllegalStateException("Cannot continue the numbering after customer " + id);
        }
    }

    long next() {
        return highest + 1;
    }
}
