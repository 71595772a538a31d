package com.acme.tiering.run;

public class CustomerUnknown extends RuntimeException {

    private CustomerUnknown(String message) {
        super(message);
    }

    static CustomerUnknown withId(String customerId) {
        return new CustomerUnknown("No customer with id " + customerId);
    }
}
