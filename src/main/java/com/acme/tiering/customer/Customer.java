package com.acme.tiering.customer;

import java.time.Instant;

/** A customer as the company's systems know it. */
public record Customer(String customerId, String name, String industry, String region, Integer employees,
        String accountOwner, Instant createdAt, Instant updatedAt) {
}
