package com.acme.tiering.customer;

import java.util.List;

/** What happened to customers, published after the change; handled after commit by whoever cares. */
public final class CustomerEvents {

    private CustomerEvents() {
    }

    public record CustomerUpserted(String customerId, boolean created) {
    }

    public record OrdersRecorded(String customerId, List<String> orderIds) {
    }

    public record InteractionsRecorded(String customerId, List<String> interactionIds) {
    }
}
