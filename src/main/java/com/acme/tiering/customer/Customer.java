package com.acme.tiering.customer;

import java.time.Instant;

import com.acme.tiering.facts.AttributeValues;

/**
 * A customer as the company's systems know it.
 *
 * @param attributes its values of the attributes the rules declare (also of those declared before and since removed)
 */
public record Customer(String customerId, String name, String industry, String region, Integer employees,
        String accountOwner, Instant createdAt, Instant updatedAt, AttributeValues attributes) {

    public Customer {
        attributes = attributes == null ? AttributeValues.NONE : attributes;
    }
}
