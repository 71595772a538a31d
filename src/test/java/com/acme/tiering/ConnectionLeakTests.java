package com.acme.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.zaxxer.hikari.HikariDataSource;

import com.acme.tiering.support.ServiceTest;

/**
 * Reads made outside a transaction must give their connection back: a query read as an unclosed stream keeps
 * one, and after as many reads as the pool holds every request waits and fails (found on the customer page,
 * then in five more places). Each read below runs more often than the pool has connections, and afterwards
 * no connection may still be in use.
 */
@ServiceTest
class ConnectionLeakTests {

    private static final List<String> READS = List.of("/api/v1/rulesets", "/api/v1/customers/LEAK-1/override",
            "/api/v1/customers/LEAK-1/tier", "/api/v1/customers/LEAK-1/explanation", "/api/v1/customers/LEAK-1/decisions",
            "/api/v1/customers/LEAK-1/overrides", "/api/v1/customers?query=leak", "/api/v1/decisions/summary",
            "/api/v1/churn-alerts", "/api/v1/evaluation-runs", "/", "/customers?q=leak", "/customers/LEAK-1",
            "/rules", "/alerts", "/runs");

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @Test
    void everyReadGivesItsConnectionBack() throws Exception {
        mvc.perform(put("/api/v1/customers/LEAK-1").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Leak Test Ltd\"}")).andExpect(status().is2xxSuccessful());
        mvc.perform(post("/api/v1/customers/LEAK-1/evaluation")).andExpect(status().isOk());
        HikariDataSource pool = (HikariDataSource) dataSource;
        int rounds = pool.getMaximumPoolSize() + 2;
        for (String read : READS) {
            for (int i = 0; i < rounds; i++) {
                int answered = mvc.perform(get(read)).andReturn().getResponse().getStatus();
                assertThat(answered).as(read + " (round " + i + ")").isLessThan(500);
            }
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections still in use after " + read)
                    .isZero();
        }
    }
}
