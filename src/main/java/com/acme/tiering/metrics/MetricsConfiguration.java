package com.acme.tiering.metrics;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The service's own metrics (docs/metrics.md); Actuator serves them to Prometheus at /actuator/prometheus. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
class MetricsConfiguration {
}
