package com.acme.tiering.customer;

public class CustomerNotFound extends RuntimeException {

    private CustomerNotFound(String message) {
        super(message);
    }

    public static CustomerNotFound forId(String customerId) {
        return new CustomerNotFound("No customer with id '" + customerId + "'");
    }
}
