package com.acme.tiering.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole service for a test: on a random port, with MockMvc, on the in-memory H2 (or the real server with
 * {@link MySqlDatabase}) and the test settings of {@code config/application.yml}, whose timers are fast for every
 * test. Every class with this annotation and the same {@code @ActiveProfiles} shares one application context, so
 * a class does not set properties of its own: a setting some tests need is either the test value for all (fast
 * timers) or one of the few profiles of {@link TestProfiles}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public @interface ServiceTest {
}
