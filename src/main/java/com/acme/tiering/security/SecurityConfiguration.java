package com.acme.tiering.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import com.acme.tiering.TieringProperties;

/**
 * Who may do what (docs/security.md has the matrix, which a test checks against the running service):
 * sales systems look tiers up with an API key; operations managers change decision tables, overrides,
 * alerts and runs; rule authors also DRL; auditors read everything and change nothing; administrators
 * manage API keys. The API takes an API key ({@code X-Api-Key}), HTTP Basic, or, when an issuer or key set
 * is configured, a JWT bearer token whose {@code roles} claim names the roles. Anything else (the pages,
 * the OpenAPI document) uses form login with CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Every role that may read; sales systems and ingestion keys read only what they need. */
    private static final String[] READERS = { Roles.OPS_MANAGER, Roles.RULE_AUTHOR, Roles.AUDITOR, Roles.ADMIN };

    /** Demo passwords of the embedded default, refused for any other database. */
    private static final Set<String> DEMO_PASSWORDS = Set.of("ops-demo", "author-demo", "reviewer-demo",
            "auditor-demo", "admin-demo", "{noop}ops-demo", "{noop}author-demo", "{noop}reviewer-demo",
            "{noop}auditor-demo", "{noop}admin-demo");

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, ObjectProvider<JwtDecoder> jwt,
            ObjectProvider<RequestMappingInfoHandlerMapping> mappings) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable()) // stateless: no cookie session a forged request could ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyFilter(keys), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::authenticationRequired))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(SecurityConfiguration::authenticationRequired)
                        .accessDeniedHandler((request, response, denied) -> problem(response, 403, "Forbidden",
                                "Your role may not do this; docs/security.md lists who may do what")))
                .authorizeHttpRequests(requests -> requests
                        // sales systems: tier lookups and what-if, and a ping to check the key
                        .requestMatchers(HttpMethod.GET, "/api/v1/customers/*/tier", "/api/v1/ping")
                        .hasAnyRole(Roles.SALES_SYSTEM, Roles.OPS_MANAGER, Roles.RULE_AUTHOR, Roles.AUDITOR, Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/tiers/lookup", "/api/v1/evaluations/what-if")
                        .hasAnyRole(Roles.SALES_SYSTEM, Roles.OPS_MANAGER, Roles.RULE_AUTHOR, Roles.AUDITOR, Roles.ADMIN)
                        // an address or method nothing answers: 404 or 405 for anyone who signed in, not 403
                        .requestMatchers(new UnroutedRequests(mappings)).authenticated()
                        // administrators: API keys
                        .requestMatchers("/api/v1/admin/**").hasRole(Roles.ADMIN)
                        // ingestion of customers, orders and interactions
                        .requestMatchers(HttpMethod.PUT, "/api/v1/customers/*").hasAnyRole(Roles.INGESTION,
                                Roles.OPS_MANAGER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/customers/*/orders",
                                "/api/v1/customers/*/interactions").hasAnyRole(Roles.INGESTION, Roles.OPS_MANAGER)
                        // the audit log: auditors and administrators
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/log").hasAnyRole(Roles.AUDITOR, Roles.ADMIN)
                        // rules: operations managers and rule authors (DRL needs a rule author, checked on upload)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(READERS)
                        .requestMatchers("/api/v1/rulesets/**").hasAnyRole(Roles.OPS_MANAGER, Roles.RULE_AUTHOR)
                        // everything else that changes something: operations managers
                        .requestMatchers(HttpMethod.PUT, "/api/v1/customers/*/override").hasRole(Roles.OPS_MANAGER)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/customers/*/override").hasRole(Roles.OPS_MANAGER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/churn-alerts/*/acknowledgement",
                                "/api/v1/churn-alerts/*/resolution", "/api/v1/evaluation-runs",
                                "/api/v1/customers/*/evaluation").hasRole(Roles.OPS_MANAGER)
                        .anyRequest().denyAll());
        BrowserPolicy.apply(http, BrowserPolicy.API);
        if (jwt.getIfAvailable() != null) {
            http.oauth2ResourceServer(resource -> resource.jwt(token -> token.jwtAuthenticationConverter(roles()))
                    .authenticationEntryPoint(SecurityConfiguration::authenticationRequired));
            log.info("JWT bearer tokens are accepted on the API (roles from the 'roles' claim)");
        }
        return http.build();
    }

    /**
     * The metrics Prometheus scrapes: HTTP Basic on every scrape, no session, 401 and 403 as problem details
     * like the API. A METRICS user (a configured user for the Prometheus server) reads them and nothing else;
     * the people who may read the other actuator endpoints may read them too.
     */
    @Bean
    @Order(2)
    SecurityFilterChain metrics(HttpSecurity http, ApiKeys keys) throws Exception {
        BrowserPolicy.apply(http, BrowserPolicy.API);
        return http.securityMatcher("/actuator/prometheus")
                .csrf(csrf -> csrf.disable()) // stateless and read-only
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // an API key is recognised, so a sales system's key is refused with 403 as on the API
                .addFilterBefore(new ApiKeyFilter(keys), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::authenticationRequired))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(SecurityConfiguration::authenticationRequired)
                        .accessDeniedHandler((request, response, denied) -> problem(response, 403, "Forbidden",
                                "Your role may not read the metrics; docs/metrics.md says who may")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                        .hasAnyRole(Roles.METRICS, Roles.OPS_MANAGER, Roles.AUDITOR, Roles.ADMIN)
                        .anyRequest().denyAll())
                .build();
    }

    /**
     * Pages and the OpenAPI document: form login, sessions and CSRF protection. Pages are for the people
     * who read decisions (the API's readers); each change a page makes needs the role the API asks for the
     * same change, and the service checks it again where the API does (DRL needs a rule author).
     */
    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, ObjectProvider<RequestMappingInfoHandlerMapping> mappings)
            throws Exception {
        BrowserPolicy.apply(http, BrowserPolicy.PAGES);
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/error", "/login", "/css/**", "/js/**",
                                "/webjars/**", "/favicon.ico", "/favicon.svg").permitAll()
                        .requestMatchers(new UnroutedRequests(mappings)).authenticated()
                        .requestMatchers("/actuator/**").hasAnyRole(Roles.OPS_MANAGER, Roles.AUDITOR, Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(READERS)
                        .requestMatchers(HttpMethod.POST, "/rules", "/rules/**")
                        .hasAnyRole(Roles.OPS_MANAGER, Roles.RULE_AUTHOR)
                        .requestMatchers(HttpMethod.POST, "/customers/*/override", "/customers/*/override/end",
                                "/customers/*/evaluation", "/alerts/*/acknowledgement", "/alerts/*/resolution",
                                "/runs").hasRole(Roles.OPS_MANAGER)
                        .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }

    /** A JWT's {@code roles} claim, e.g. ["AUDITOR"], becomes the roles of the request. */
    private static JwtAuthenticationConverter roles() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static void authenticationRequired(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException failure) throws java.io.IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"tiering\"");
        problem(response, 401, "Authentication required",
                "Send an API key (X-Api-Key), HTTP Basic credentials or a bearer token; docs/security.md lists "
                        + "who may do what");
    }

    /** Security errors are problem details like every other error of the API. */
    static void problem(jakarta.servlet.http.HttpServletResponse response, int status, String title,
            String detail) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }

    /** Configured (and demo) users first, then the users administrators created through the API. */
    @Bean
    UserDetailsService userDetailsService(TieringProperties properties, Environment environment, AppUsers appUsers) {
        InMemoryUserDetailsManager configured = users(properties, environment);
        return name -> configured.userExists(name) ? configured.loadUserByUsername(name)
                : appUsers.details(name).orElseThrow(() -> new UsernameNotFoundException(name));
    }

    InMemoryUserDetailsManager users(TieringProperties properties, Environment environment) {
        List<UserDetails> users = new ArrayList<>();
        boolean embedded = embedded(environment);
        properties.security().users().forEach(user -> {
            if (!embedded && DEMO_PASSWORDS.contains(user.password())) {
                throw new IllegalStateException("User '" + user.name() + "' has a demo password; demo passwords "
                        + "are for the embedded database only. Set tiering.security.users[].password to a "
                        + "{bcrypt} hash of a real password.");
            }
            users.add(User.withUsername(user.name()).password(user.password())
                    .roles(user.roles().toArray(String[]::new)).build());
        });
        if (users.isEmpty() && embedded) {
            users.addAll(demoUsers());
        }
        if (users.isEmpty()) {
            log.warn("No users are configured (tiering.security.users): only users created by an administrator, "
                    + "API keys and JWTs can reach the API");
        }
        return new InMemoryUserDetailsManager(users);
    }

    static boolean embedded(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return url == null || url.startsWith("jdbc:h2:");
    }

    /** DEMO credentials for the embedded default only; never created for another database. */
    private static List<UserDetails> demoUsers() {
        log.warn("""
                DEMO users for the embedded database (not created for any other database):
                  ops / ops-demo            OPS_MANAGER   decision tables, overrides, alerts, runs, ingestion
                  author / author-demo      RULE_AUTHOR   rules, including DRL
                  reviewer / reviewer-demo  OPS_MANAGER   a second person to approve
                  auditor / auditor-demo    AUDITOR       reads everything, changes nothing
                  admin / admin-demo        ADMIN         API keys""");
        return List.of(
                User.withUsername("ops").password("{noop}ops-demo").roles(Roles.OPS_MANAGER).build(),
                User.withUsername("author").password("{noop}author-demo").roles(Roles.RULE_AUTHOR).build(),
                User.withUsername("reviewer").password("{noop}reviewer-demo").roles(Roles.OPS_MANAGER).build(),
                User.withUsername("auditor").password("{noop}auditor-demo").roles(Roles.AUDITOR).build(),
                User.withUsername("admin").password("{noop}admin-demo").roles(Roles.ADMIN).build());
    }
}
