package com.acme.tiering.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The service's real security configuration for web test slices ({@code @WebMvcTest}), which do not scan
 * configuration classes: the same filter chains, roles and problem details as the running service. Its
 * collaborators that read the database ({@link ApiKeys}, {@link AppUsers}) are the slice's to mock.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class SecuritySlice {
}
