package com.acme.tiering.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.acme.tiering.customer.CustomerEvents.OrdersRecorded;
import com.acme.tiering.decision.Decision;

/** Coalescing: a burst of events for one customer makes one evaluation, and a late event is never lost. */
class EventDrivenEvaluationTests {

    private static com.acme.tiering.TieringProperties properties(Duration delay) {
        return new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                        Map.of("tiering.events.delay", delay.toString())))
                .bindOrCreate("tiering", com.acme.tiering.TieringProperties.class);
    }

    /** Counts evaluations per customer; the first one of a customer can be held until released. */
    static class CountingEvaluation extends CustomerEvaluation {

        final Map<String, AtomicInteger> evaluations = new ConcurrentHashMap<>();
        final CountDownLatch firstStarted = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(0);

        CountingEvaluation() {
            super(null, null, null, null, null, null, null, null);
        }

        @Override
        public Decision evaluateNow(String customerId) {
            evaluations.computeIfAbsent(customerId, id -> new AtomicInteger()).incrementAndGet();
            firstStarted.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    @Test
    void aBurstOfEventsForOneCustomerMakesOneEvaluation() throws Exception {
        CountingEvaluation counting = new CountingEvaluation();
        EventDrivenEvaluation events = new EventDrivenEvaluation(counting, properties(Duration.ofMillis(200)));
        try {
            for (int i = 0; i < 50; i++) {
                events.onOrders(new OrdersRecorded("C-1", List.of("o-" + i)));
                events.onOrders(new OrdersRecorded("C-2", List.of("o-" + i)));
            }
            // one evaluation each after the 200 ms delay, and no second one in the 600 ms after it
            await().atMost(Duration.ofSeconds(2)).during(Duration.ofMillis(600)).untilAsserted(() -> {
                assertThat(counting.evaluations.get("C-1")).hasValue(1);
                assertThat(counting.evaluations.get("C-2")).hasValue(1);
            });
        }
        finally {
            events.destroy();
        }
    }

    @Test
    void anEventDuringTheEvaluationOfItsCustomerMakesAnotherEvaluation() throws Exception {
        CountingEvaluation counting = new CountingEvaluation();
        counting.release = new CountDownLatch(1);
        EventDrivenEvaluation events = new EventDrivenEvaluation(counting, properties(Duration.ofMillis(50)));
        try {
            events.onOrders(new OrdersRecorded("C-1", List.of("o-1")));
            assertThat(counting.firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            events.onOrders(new OrdersRecorded("C-1", List.of("o-2")));
            counting.release.countDown();
            // a second evaluation, and no third one in the 400 ms after it
            await().atMost(Duration.ofSeconds(2)).during(Duration.ofMillis(400))
                    .untilAsserted(() -> assertThat(counting.evaluations.get("C-1")).hasValue(2));
        }
        finally {
            events.destroy();
        }
    }
}
