package com.acme.tiering.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

public record NewOrder(String orderId, LocalDate orderDate, BigDecimal amount) {
}
