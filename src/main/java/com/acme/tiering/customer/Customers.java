package com.acme.tiering.customer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.acme.tiering.customer.CustomerEvents.CustomerUpserted;
import com.acme.tiering.customer.CustomerEvents.InteractionsRecorded;
import com.acme.tiering.customer.CustomerEvents.OrdersRecorded;
import com.acme.tiering.customer.CustomerStore.StoredInteraction;
import com.acme.tiering.customer.CustomerStore.StoredOrder;
import com.acme.tiering.customer.InvalidRecords.FieldError;
import com.acme.tiering.facts.AttributeValues;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.ruleset.AttributeDeclarations;

/**
 * Customers and what they did: ingestion is idempotent by order and interaction id, and a request is
 * checked whole before anything is written, so a rejected request writes nothing.
 */
@Service
public class Customers {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final CustomerStore store;
    private final CustomerAttributeStore attributes;
    private final ActiveRuleset active;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Customers(CustomerStore store, CustomerAttributeStore attributes, ActiveRuleset active,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.attributes = attributes;
        this.active = active;
        this.events = events;
        this.clock = clock;
    }

    public record Upserted(Customer customer, boolean created) {
    }

    /** @param recorded ids written now; @param alreadyRecorded ids that were there with the same data */
    public record Recorded(List<String> recorded, List<String> alreadyRecorded) {
    }

    /** The customer with its attribute values. */
    public Optional<Customer> find(String customerId) {
        return store.find(customerId).map(this::withAttributes);
    }

    /** The attribute values of these customers, by id; customers without any are left out. */
    public Map<String, AttributeValues> attributesOf(java.util.Collection<String> customerIds) {
        return attributes.of(customerIds);
    }

    private Customer withAttributes(Customer customer) {
        return new Customer(customer.customerId(), customer.name(), customer.industry(), customer.region(),
                customer.employees(), customer.accountOwner(), customer.createdAt(), customer.updatedAt(),
                attributes.of(customer.customerId()));
    }

    public long count() {
        return store.count();
    }

    @Transactional
    public Upserted upsert(String customerId, CustomerDetails details) {
        return upsert(customerId, details, null);
    }

    /**
     * Creates or updates a customer with its attribute values, each checked against the declaration of the rules in
     * force before anything is written: an attribute they do not declare, a value of another type, outside the list
     * or the range, a required attribute left without a value are all refused together, naming
     * {@code attributes.<name>}. An attribute given null loses its value; attributes not given keep theirs.
     *
     * @param given the attribute values as a system sends them (String, Number, Boolean); null leaves them as they
     *        are, which a new customer may do only while no attribute is required
     */
    @Transactional
    public Upserted upsert(String customerId, CustomerDetails details, Map<String, ?> given) {
        Instant now = clock.instant();
        boolean created = store.find(customerId).isEmpty();
        Map<String, Object> changes = checkedAttributes(customerId, created, given);
        if (created) {
            store.insert(customerId, details, now);
        }
        else {
            store.update(customerId, details, now);
        }
        attributes.write(customerId, changes, now);
        events.publishEvent(new CustomerUpserted(customerId, created));
        return new Upserted(find(customerId).orElseThrow(), created);
    }

    private Map<String, Object> checkedAttributes(String customerId, boolean created, Map<String, ?> given) {
        if (given == null && !created) {
            return Map.of();
        }
        AttributeDeclarations declared = active.current().attributes();
        AttributeDeclarations.Checked checked = declared.check(given == null ? Map.of() : given);
        List<FieldError> errors = new ArrayList<>();
        checked.problems().forEach(p -> errors.add(new FieldError("attributes." + p.attribute(), p.message())));
        AttributeValues after = created ? AttributeValues.NONE : attributes.of(customerId);
        for (Map.Entry<String, Object> change : checked.values().entrySet()) {
            after = after.with(change.getKey(), change.getValue());
        }
        if (errors.isEmpty()) {
            declared.missingRequired(after).forEach(p -> errors.add(new FieldError("attributes." + p.attribute(),
                    p.message())));
        }
        rejectIfAny(errors);
        return checked.values();
    }

    @Transactional
    public Recorded recordOrders(String customerId, List<NewOrder> orders) {
        requireCustomer(customerId);
        List<FieldError> errors = new ArrayList<>();
        checkIds(orders.stream().map(NewOrder::orderId).toList(), "orders", "orderId", errors);
        for (int i = 0; i < orders.size(); i++) {
            checkDate(orders.get(i).orderDate(), "orders[" + i + "].orderDate", errors);
        }
        rejectIfAny(errors);
        Map<String, StoredOrder> existing = store.orders(customerId, orders.stream().map(NewOrder::orderId).toList());
        List<NewOrder> fresh = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            NewOrder order = orders.get(i);
            StoredOrder stored = existing.get(order.orderId());
            if (stored == null) {
                fresh.add(order);
            }
            else if (stored.orderDate().equals(order.orderDate()) && stored.amount().compareTo(order.amount()) == 0) {
                already.add(order.orderId());
            }
            else {
                throw ConflictingRecord.order(i, order.orderId());
            }
        }
        store.insertOrders(customerId, fresh, clock.instant());
        List<String> recorded = fresh.stream().map(NewOrder::orderId).toList();
        if (!recorded.isEmpty()) {
            events.publishEvent(new OrdersRecorded(customerId, recorded));
        }
        return new Recorded(recorded, already);
    }

    @Transactional
    public Recorded recordInteractions(String customerId, List<NewInteraction> interactions) {
        requireCustomer(customerId);
        List<FieldError> errors = new ArrayList<>();
        checkIds(interactions.stream().map(NewInteraction::interactionId).toList(), "interactions", "interactionId",
                errors);
        for (int i = 0; i < interactions.size(); i++) {
            checkInteraction(interactions.get(i), "interactions[" + i + "]", errors);
        }
        rejectIfAny(errors);
        Map<String, StoredInteraction> existing = store.interactions(customerId,
                interactions.stream().map(NewInteraction::interactionId).toList());
        List<NewInteraction> fresh = new ArrayList<>();
        List<NewInteraction> resolved = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (int i = 0; i < interactions.size(); i++) {
            NewInteraction interaction = interactions.get(i);
            StoredInteraction stored = existing.get(interaction.interactionId());
            if (stored == null) {
                fresh.add(interaction);
            }
            else if (same(stored, interaction)) {
                already.add(interaction.interactionId());
            }
            else if (ticketResolutionChanged(stored, interaction)) {
                resolved.add(interaction);
            }
            else {
                throw ConflictingRecord.interaction(i, interaction.interactionId());
            }
        }
        store.insertInteractions(customerId, fresh, clock.instant());
        resolved.forEach(ticket -> store.updateResolved(customerId, ticket.interactionId(), ticket.resolved()));
        List<String> recorded = java.util.stream.Stream.concat(fresh.stream(), resolved.stream())
                .map(NewInteraction::interactionId).toList();
        if (!recorded.isEmpty()) {
            events.publishEvent(new InteractionsRecorded(customerId, recorded));
        }
        return new Recorded(recorded, already);
    }

    private void requireCustomer(String customerId) {
        if (store.find(customerId).isEmpty()) {
            throw CustomerNotFound.forId(customerId);
        }
    }

    private static void checkIds(List<String> ids, String list, String field, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                errors.add(new FieldError(list + "[" + i + "]." + field, "'" + ids.get(i)
                        + "' appears more than once in this request"));
            }
        }
    }

    private void checkDate(LocalDate date, String field, List<FieldError> errors) {
        LocalDate today = LocalDate.now(clock);
        if (date.isAfter(today)) {
            errors.add(new FieldError(field, "must not be in the future (today is " + today + ")"));
        }
        else if (date.isBefore(EARLIEST)) {
            errors.add(new FieldError(field, "must not be before " + EARLIEST));
        }
    }

    private void checkInteraction(NewInteraction interaction, String path, List<FieldError> errors) {
        checkDate(interaction.date(), path + ".date", errors);
        boolean nps = interaction.type() == InteractionType.NPS_SURVEY;
        if (nps && interaction.score() == null) {
            errors.add(new FieldError(path + ".score", "is required for an NPS_SURVEY (0 to 10)"));
        }
        if (!nps && interaction.score() != null) {
            errors.add(new FieldError(path + ".score", "is only allowed for an NPS_SURVEY"));
        }
    }

    private static boolean same(StoredInteraction stored, NewInteraction given) {
        return stored.interactionDate().equals(given.date()) && stored.interactionType().equals(given.type().name())
                && stored.resolved() == given.resolved() && java.util.Objects.equals(stored.score(), given.score());
    }

    /** A support ticket is sent again when it is resolved (or reopened): that updates it, nothing else may. */
    private static boolean ticketResolutionChanged(StoredInteraction stored, NewInteraction given) {
        return given.type() == InteractionType.SUPPORT_TICKET && stored.interactionType().equals(given.type().name())
                && stored.interactionDate().equals(given.date()) && stored.resolved() != given.resolved();
    }

    private static void rejectIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRecords(errors);
        }
    }
}
