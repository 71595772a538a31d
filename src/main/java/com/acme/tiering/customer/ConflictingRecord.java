package com.acme.tiering.customer;

/** An id or name that is already taken: an order or interaction id recorded with other data, a user name. */
public class ConflictingRecord extends RuntimeException {

    private final String field;

    private ConflictingRecord(String field, String message) {
        super(message);
        this.field = field;
    }

    static ConflictingRecord order(int index, String orderId) {
        return new ConflictingRecord("orders[" + index + "].orderId", "Order '" + orderId
                + "' is already recorded with a different date or amount; order ids cannot be reused");
    }

    static ConflictingRecord interaction(int index, String interactionId) {
        return new ConflictingRecord("interactions[" + index + "].interactionId", "Interaction '" + interactionId
                + "' is already recorded with different data; interaction ids cannot be reused");
    }

    public static ConflictingRecord taken(String field, String message) {
        return new ConflictingRecord(field, message);
    }

    public String field() {
        return field;
    }
}
