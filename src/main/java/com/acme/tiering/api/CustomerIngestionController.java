package com.acme.tiering.api;

import com.acme.tiering.Text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.acme.tiering.customer.Customer;
import com.acme.tiering.customer.CustomerDetails;
import com.acme.tiering.customer.CustomerNotFound;
import com.acme.tiering.customer.Customers;
import com.acme.tiering.customer.InteractionType;
import com.acme.tiering.customer.NewInteraction;
import com.acme.tiering.customer.NewOrder;

/** Ingestion for the company's systems: customers, their orders and their interactions. */
@RestController
@RequestMapping("/api/v1/customers/{customerId}")
class CustomerIngestionController {

    static final String RECORD_ID = "[A-Za-z0-9_.:-]{1,64}";
    static final String RECORD_ID_MESSAGE = "must be 1-64 letters, digits or -_.:";
    static final int MAX_ITEMS = 10_000;
    /** More than the rules may declare (100), so an unknown name is refused by name, not by count. */
    static final int MAX_ATTRIBUTES = 200;

    private final Customers customers;

    CustomerIngestionController(Customers customers) {
        this.customers = customers;
    }

    record CustomerRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE) String name,
            @Size(max = 100) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE) String industry,
            @Size(max = 100) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE) String region,
            @PositiveOrZero @Max(100_000_000) Integer employees,
            @Size(max = 100) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE) String accountOwner,
            @Size(max = MAX_ATTRIBUTES) Map<String, Object> attributes) {
    }

    /**
     * Creates or updates a customer; {@code attributes} sets the values of the attributes the rules in force declare
     * (null removes one, those not given keep theirs), each checked against its declaration.
     */
    @PutMapping
    ResponseEntity<Customer> upsert(@PathVariable @Pattern(regexp = TierLookupController.CUSTOMER_ID,
            message = TierLookupController.CUSTOMER_ID_MESSAGE) String customerId,
            @Valid @RequestBody CustomerRequest request) {
        Customers.Upserted result = customers.upsert(customerId, new CustomerDetails(request.name().trim(),
                request.industry(), request.region(), request.employees(), request.accountOwner()),
                request.attributes());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.customer());
    }

    /** The customer as the company's systems sent it, with its attribute values. */
    @GetMapping
    Customer customer(@PathVariable @Pattern(regexp = TierLookupController.CUSTOMER_ID,
            message = TierLookupController.CUSTOMER_ID_MESSAGE) String customerId) {
        return customers.find(customerId).orElseThrow(() -> CustomerNotFound.forId(customerId));
    }

    record OrderLine(
            @NotNull @Pattern(regexp = RECORD_ID, message = RECORD_ID_MESSAGE) String orderId,
            @NotNull LocalDate orderDate,
            @NotNull @PositiveOrZero @DecimalMax("9999999999999.99") @Digits(integer = 13, fraction = 2)
            BigDecimal amount) {
    }

    record OrdersRequest(@NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Valid OrderLine> orders) {
    }

    @PostMapping("/orders")
    Customers.Recorded orders(@PathVariable @Pattern(regexp = TierLookupController.CUSTOMER_ID,
            message = TierLookupController.CUSTOMER_ID_MESSAGE) String customerId,
            @Valid @RequestBody OrdersRequest request) {
        return customers.recordOrders(customerId, request.orders().stream()
                .map(o -> new NewOrder(o.orderId(), o.orderDate(), o.amount())).toList());
    }

    record InteractionLine(
            @NotNull @Pattern(regexp = RECORD_ID, message = RECORD_ID_MESSAGE) String interactionId,
            @NotNull LocalDate date,
            @NotNull InteractionType type,
            Boolean resolved,
            @Min(0) @Max(10) Integer score) {
    }

    record InteractionsRequest(
            @NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Valid InteractionLine> interactions) {
    }

    @PostMapping("/interactions")
    Customers.Recorded interactions(@PathVariable @Pattern(regexp = TierLookupController.CUSTOMER_ID,
            message = TierLookupController.CUSTOMER_ID_MESSAGE) String customerId,
            @Valid @RequestBody InteractionsRequest request) {
        return customers.recordInteractions(customerId, request.interactions().stream()
                .map(i -> new NewInteraction(i.interactionId(), i.date(), i.type(), Boolean.TRUE.equals(i.resolved()),
                        i.score()))
                .toList());
    }
}
