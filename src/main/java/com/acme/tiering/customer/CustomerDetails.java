package com.acme.tiering.customer;

/** What a create-or-update of a customer carries. */
public record CustomerDetails(String name, String industry, String region, Integer employees, String accountOwner) {
}
