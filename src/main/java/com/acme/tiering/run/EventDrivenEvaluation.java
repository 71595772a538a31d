package com.acme.tiering.run;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.acme.tiering.TieringProperties;
import com.acme.tiering.customer.CustomerEvents.CustomerUpserted;
import com.acme.tiering.customer.CustomerEvents.InteractionsRecorded;
import com.acme.tiering.customer.CustomerEvents.OrdersRecorded;

/**
 * Re-evaluates a customer shortly after new orders, interactions or details are committed, so lookups
 * show the consequence within seconds rather than at the next nightly run. Asynchronous and coalescing:
 * the events of one customer within {@code tiering.events.delay} make one evaluation, and an event that
 * arrives while the customer is being evaluated schedules another, so the last commit is never missed.
 * Upgrades show at once; downgrades follow the tier policy like in any evaluation.
 */
@Component
class EventDrivenEvaluation implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventDrivenEvaluation.class);

    private static final int ATTEMPTS = 3;

    private final CustomerEvaluation evaluation;
    private final boolean enabled;
    private final Duration delay;
    /** Customers waiting for their evaluation; an id is removed just before it is evaluated. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /** One thread: evaluations of one customer never overlap, and ingestion bursts cannot starve lookups. */
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "event-evaluation"));

    EventDrivenEvaluation(CustomerEvaluation evaluation, TieringProperties properties) {
        this.evaluation = evaluation;
        this.enabled = properties.events().enabled();
        this.delay = properties.events().delay();
    }

    @TransactionalEventListener
    void onOrders(OrdersRecorded event) {
        schedule(event.customerId());
    }

    @TransactionalEventListener
    void onInteractions(InteractionsRecorded event) {
        schedule(event.customerId());
    }

    @TransactionalEventListener
    void onCustomer(CustomerUpserted event) {
        schedule(event.customerId());
    }

    private void schedule(String customerId) {
        if (enabled && pending.add(customerId)) {
            worker.schedule(() -> evaluate(customerId, 1), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void evaluate(String customerId, int attempt) {
        pending.remove(customerId);
        try {
            evaluation.evaluateNow(customerId);
        }
        catch (CustomerUnknown gone) {
            log.debug("Customer {} no longer exists; nothing to evaluate", customerId);
        }
        catch (RuntimeException failure) {
            if (attempt < ATTEMPTS && pending.add(customerId)) {
                long backOff = delay.toMillis() * (1L << (attempt + 2));
                log.warn("Re-evaluating customer {} failed ({}); attempt {} in {} ms", customerId, failure.toString(),
                        attempt + 1, backOff);
                worker.schedule(() -> evaluate(customerId, attempt + 1), backOff, TimeUnit.MILLISECONDS);
            }
            else if (attempt >= ATTEMPTS) {
                log.error("Re-evaluating customer {} failed {} times; the next run will evaluate it", customerId,
                        ATTEMPTS, failure);
            }
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
