package com.acme.tiering.api;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code tiering.lookup} (docs/metrics.md): tier lookups timed around {@link TierLookupController}'s handlers,
 * from the handler's start until its answer, a problem included, is written; the lookup code carries no timing.
 * Requests refused before they reach the handler (authentication, size limit) are not lookups and not timed.
 */
@Configuration(proxyBeanMethods = false)
class LookupTiming implements WebMvcConfigurer {

    /** The p99 target of issue 8: a bucket ends exactly there, so the share of lookups within it is exact. */
    private static final Duration WITHIN_TARGET = Duration.ofMillis(10);

    /** How a lookup ended, from its status: the tag values, in this order. */
    private static final String[] OUTCOMES = { "success", "not_found", "invalid", "error" };

    private final MeterRegistry registry;

    LookupTiming(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void addInterceptors(InterceptorRegistry interceptors) {
        interceptors.addInterceptor(new Timing(registry, "single")).addPathPatterns("/api/v1/customers/*/tier");
        interceptors.addInterceptor(new Timing(registry, "bulk")).addPathPatterns("/api/v1/tiers/lookup");
    }

    /**
     * Times one kind of lookup, with a timer per outcome made on its first use and kept (success from the
     * start, so its series exist before the first lookup). Buckets from 100 µs tell fast lookups' p50 and p99 apart.
     */
    private static final class Timing implements HandlerInterceptor {

        private static final String STARTED = LookupTiming.class.getName() + ".started";

        private final MeterRegistry registry;
        private final String kind;
        private final Timer[] byOutcome = new Timer[OUTCOMES.length];

        Timing(MeterRegistry registry, String kind) {
            this.registry = registry;
            this.kind = kind;
            timer(0);
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            request.setAttribute(STARTED, System.nanoTime());
            return true;
        }

        @Override
        public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                Exception failure) {
            if (request.getAttribute(STARTED) instanceof Long started) {
                timer(outcome(response.getStatus(), failure)).record(System.nanoTime() - started,
                        TimeUnit.NANOSECONDS);
            }
        }

        /** Two threads making the same timer at once get the same one from the registry. */
        private Timer timer(int outcome) {
            Timer timer = byOutcome[outcome];
            if (timer == null) {
                timer = Timer.builder("tiering.lookup").description("Tier lookups by sales systems, answer written")
                        .tag("kind", kind).tag("outcome", OUTCOMES[outcome]).publishPercentileHistogram()
                        .serviceLevelObjectives(WITHIN_TARGET).minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(10))
                        .register(registry);
                byOutcome[outcome] = timer;
            }
            return timer;
        }

        /** 404: no such customer or no decision yet; other 4xx: a request the API refused as invalid. */
        private static int outcome(int status, Exception failure) {
            if (failure != null || status >= 500) {
                return 3;
            }
            if (status == 404) {
                return 1;
            }
            return status >= 400 ? 2 : 0;
        }
    }
}
