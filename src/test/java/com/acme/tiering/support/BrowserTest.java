package com.acme.tiering.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test that drives the pages in a real headless Chromium: the service on a random port, on an in-memory H2
 * with a small demo dataset (300 customers, evaluated by a demo run at start-up) and the demo users. Every class
 * with this annotation shares one application context, so they run against one service, in any order: each
 * test must find or make what it needs rather than rely on another test's leftovers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith(BrowserAvailability.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "tiering.demo.enabled=true", "tiering.demo.customers=300", "tiering.demo.seed=7" })
public @interface BrowserTest {
}
