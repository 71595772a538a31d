package com.acme.tiering.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the service's own metrics under {@code tiering.metrics.*}.
 *
 * @param tierCountsRefresh how old the counts of current decisions per tier may be when Prometheus scrapes
 *     them: they come from one grouped scan of the summary index, so a scrape reads the database at most
 *     this often
 */
@ConfigurationProperties("tiering.metrics")
record MetricsProperties(@DefaultValue("PT5M") Duration tierCountsRefresh) {
}
