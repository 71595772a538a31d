package com.acme.tiering.decision;

/** There is no decision to show: the customer is unknown, or has not been evaluated yet. */
public class NoDecision extends RuntimeException {

    private final String customerId;
    private final boolean customerExists;

    private NoDecision(String customerId, boolean customerExists, String message) {
        super(message);
        this.customerId = customerId;
        this.customerExists = customerExists;
    }

    static NoDecision unknownCustomer(String customerId) {
        return new NoDecision(customerId, false, "No customer with id '" + customerId + "'");
    }

    static NoDecision notEvaluatedYet(String customerId) {
        return new NoDecision(customerId, true, "Customer '" + customerId
                + "' has not been evaluated yet: POST /api/v1/customers/" + customerId + "/evaluation");
    }

    static NoDecision notInForce(String customerId, java.time.LocalDate date) {
        return new NoDecision(customerId, true, "Customer '" + customerId + "' had no decision on " + date);
    }

    public String customerId() {
        return customerId;
    }

    public boolean customerExists() {
        return customerExists;
    }
}
