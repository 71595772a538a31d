package com.acme.tiering.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import com.acme.tiering.audit.AuditLog;
import com.acme.tiering.decision.DecisionQueries;
import com.acme.tiering.governance.RulesetDrafts;
import com.acme.tiering.governance.RulesetPublication;
import com.acme.tiering.governance.RulesetShadows;
import com.acme.tiering.governance.RulesetSimulation;
import com.acme.tiering.governance.RulesetVersions;
import com.acme.tiering.ruleset.ActiveRuleset;
import com.acme.tiering.security.ApiKeys;
import com.acme.tiering.security.AppUsers;
import com.acme.tiering.security.SecuritySlice;
import com.acme.tiering.support.EveryRoleByDefault;

/**
 * The API's web layer without a database, for checks of requests that are refused before anything is read: the
 * real controllers named here, the real exception handler ({@code ApiExceptionHandler}, found as every
 * {@code @ControllerAdvice} is), the request-body limit filter, the strict JSON settings, the real security
 * configuration and its answer to URLs the firewall refuses ({@code RejectedRequests}); what the controllers would
 * read is mocked and must not be asked. Every class with this annotation shares one application context: add
 * controllers and mocks here, not on a class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest({ TierLookupController.class, RulesetController.class })
@Import({ StrictJson.class, JsonLimits.class, RejectedRequests.class, SecuritySlice.class, EveryRoleByDefault.class,
        ApiSlice.Metrics.class })
@MockitoBean(types = { DecisionQueries.class, ApiKeys.class, AppUsers.class, RulesetVersions.class, RulesetDrafts.class,
        RulesetSimulation.class, RulesetPublication.class, RulesetShadows.class, AuditLog.class, ActiveRuleset.class })
@interface ApiSlice {

    /** A registry of its own for the lookup timing ({@code LookupTiming}), which the slice does not configure. */
    @TestConfiguration(proxyBeanMethods = false)
    class Metrics {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
