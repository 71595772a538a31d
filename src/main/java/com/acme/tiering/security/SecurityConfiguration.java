package com.acme.tiering.security;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import com.acme.tiering.TieringProperties;

/**
 * Rule changes are code uploads: every change to rulesets needs an authenticated operations manager or
 * rule author (HTTP Basic). The rest of the API keeps its current open access until issue 6 brings roles
 * for sales systems, auditors and administrators.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::authenticationRequired))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(SecurityConfiguration::authenticationRequired)
                        .accessDeniedHandler((request, response, denied) -> problem(response, 403, "Forbidden",
                                "Your role may not make this change")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/rulesets/**").permitAll()
                        .requestMatchers("/api/v1/rulesets/**").hasAnyRole(Roles.OPS_MANAGER, Roles.RULE_AUTHOR)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/customers/*/override").hasRole(Roles.OPS_MANAGER)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/customers/*/override").hasRole(Roles.OPS_MANAGER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/churn-alerts/*/acknowledgement",
                                "/api/v1/churn-alerts/*/resolution").hasRole(Roles.OPS_MANAGER)
                        .anyRequest().permitAll())
                .build();
    }

    private static void authenticationRequired(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException failure) throws java.io.IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"tiering\"");
        problem(response, 401, "Authentication required",
                "This change needs the credentials of a user whose role allows it (HTTP Basic): rulesets need an "
                        + "operations manager or rule author, manual overrides and churn alert changes an "
                        + "operations manager");
    }

    /** Security errors are problem details like every other error of the API. */
    private static void problem(jakarta.servlet.http.HttpServletResponse response, int status, String title,
            String detail) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }

    @Bean
    UserDetailsService users(TieringProperties properties, Environment environment) {
        List<UserDetails> users = new ArrayList<>();
        properties.security().users().forEach(user -> users.add(User.withUsername(user.name())
                .password(user.password()).roles(user.roles().toArray(String[]::new)).build()));
        if (users.isEmpty() && embedded(environment)) {
            users.addAll(demoUsers());
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static boolean embedded(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return url == null || url.startsWith("jdbc:h2:");
    }

    /** DEMO credentials for the embedded default only; never created for another database. */
    private static List<UserDetails> demoUsers() {
        log.warn("""
                DEMO users for the embedded database (not created for any other database):
                  ops / ops-demo            OPS_MANAGER   upload tables, simulate, approve, publish, activate
                  author / author-demo      RULE_AUTHOR   the same, and DRL
                  reviewer / reviewer-demo  OPS_MANAGER   a second person to approve""");
        return List.of(
                User.withUsername("ops").password("{noop}ops-demo").roles(Roles.OPS_MANAGER).build(),
                User.withUsername("author").password("{noop}author-demo").roles(Roles.RULE_AUTHOR).build(),
                User.withUsername("reviewer").password("{noop}reviewer-demo").roles(Roles.OPS_MANAGER).build());
    }
}
