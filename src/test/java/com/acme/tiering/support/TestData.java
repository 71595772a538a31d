package com.acme.tiering.support;

import java.time.LocalDate;

/**
 * The JSON of the records the API ingests, as the contract and page tests write them: an order, a survey answer,
 * a complaint. Amounts are written as given ("10000.00"), so a test states the exact figure it sends.
 */
public final class TestData {

    private TestData() {
    }

    /** One order of {@code POST /api/v1/customers/{id}/orders}. */
    public static String order(String id, LocalDate date, String amount) {
        return "{\"orderId\":\"" + id + "\",\"orderDate\":\"" + date + "\",\"amount\":" + amount + "}";
    }

    /** An NPS survey answer of {@code POST /api/v1/customers/{id}/interactions}. */
    public static String nps(String id, LocalDate date, int score) {
        return "{\"interactionId\":\"" + id + "\",\"date\":\"" + date + "\",\"type\":\"NPS_SURVEY\",\"score\":" + score
                + "}";
    }

    /** A complaint of {@code POST /api/v1/customers/{id}/interactions}. */
    public static String complaint(String id, LocalDate date) {
        return "{\"interactionId\":\"" + id + "\",\"date\":\"" + date + "\",\"type\":\"COMPLAINT\"}";
    }
}
