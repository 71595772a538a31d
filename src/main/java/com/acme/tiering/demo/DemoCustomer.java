package com.acme.tiering.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One generated customer with everything it did.
 *
 * @param relationshipDepth the shipped attribute of that name (DECISION_MAKER, INFLUENCER, USER), null for none
 */
public record DemoCustomer(String customerId, String name, String industry, String region, Integer employees,
        String accountOwner, String archetype, List<Order> orders, List<Interaction> interactions,
        String relationshipDepth) {

    public record Order(String orderId, LocalDate date, BigDecimal amount) {
    }

    public record Interaction(String interactionId, LocalDate date, String type, boolean resolved, Integer score) {
    }
}
