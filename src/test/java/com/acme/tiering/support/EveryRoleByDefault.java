package com.acme.tiering.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.acme.tiering.security.Roles;

/**
 * MockMvc requests of the service's tests run as a test user holding every role, unless a request says
 * who it is ({@code with(anonymous())}, {@code with(user(...))}, {@code httpBasic}, {@code X-Api-Key}):
 * most tests are about what the service does, and the security tests (RoleMatrixTests) are about who may.
 * A plain {@code @Configuration} so that component scanning of the application adds it to every test context.
 */
@Configuration(proxyBeanMethods = false)
public class EveryRoleByDefault {

    @Bean
    MockMvcBuilderCustomizer testUserHoldingEveryRole() {
        return builder -> builder.defaultRequest(get("/").with(user("tester").roles(Roles.ALL.toArray(String[]::new))));
    }
}
