package com.acme.tiering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.acme.tiering.support.ServiceTest;

/**
 * Calls every page of the pages matrix in docs/security.md signed out, as each role and without the CSRF token,
 * and checks the answers against the document. The ids are ones that do not exist, so an allowed change finds
 * nothing to change and writes nothing.
 */
@ServiceTest
class PageRoleMatrixTests {

    private static final List<String> PRINCIPALS = List.of("signed out", "OPS_MANAGER", "RULE_AUTHOR", "AUDITOR",
            "ADMIN", "no CSRF token");

    @Autowired
    MockMvc mvc;

    record Row(HttpMethod method, String path, List<String> expected) {
    }

    @Test
    void everyPageAnswersEachRoleAsDocsSecurityMdSays() throws Exception {
        List<Row> rows = matrix();
        assertThat(rows).hasSizeGreaterThan(15);
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Row row : rows) {
            for (int i = 0; i < PRINCIPALS.size(); i++) {
                String expected = row.expected().get(i);
                if (expected.equals("–")) {
                    continue;
                }
                MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(row.method(),
                        row.path().replace("/customers/{id}", "/customers/MATRIX-NOBODY").replace("{id}", "999999"));
                switch (PRINCIPALS.get(i)) {
                    case "signed out" -> request.with(anonymous()).with(csrf());
                    case "no CSRF token" -> request.with(user("matrix-ops").roles("OPS_MANAGER"));
                    default -> request.with(user("matrix-" + PRINCIPALS.get(i)).roles(PRINCIPALS.get(i))).with(csrf());
                }
                MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                calls++;
                int status = response.getStatus();
                boolean signIn = status == 302 && String.valueOf(response.getRedirectedUrl()).endsWith("/login");
                boolean ok = switch (expected) {
                    case "✓" -> status != 401 && status != 403 && !signIn;
                    case "sign-in" -> signIn;
                    default -> status == Integer.parseInt(expected);
                };
                if (!ok) {
                    wrong.add(row.method() + " " + row.path() + " " + PRINCIPALS.get(i) + ": expected " + expected
                            + ", answered " + status + (response.getRedirectedUrl() == null ? ""
                                    : " → " + response.getRedirectedUrl()));
                }
            }
        }
        System.out.printf("Page role matrix: %d pages, %d calls, %d not as documented%n", rows.size(), calls,
                wrong.size());
        assertThat(wrong).as("answers that differ from the pages table of docs/security.md").isEmpty();
    }

    private static List<Row> matrix() throws Exception {
        List<Row> rows = new ArrayList<>();
        boolean inPages = false;
        for (String line : Files.readAllLines(Path.of("docs/security.md"))) {
            if (line.startsWith("## ")) {
                inPages = line.equals("## The pages");
            }
            if (!inPages || !(line.startsWith("| GET ") || line.startsWith("| POST "))) {
                continue;
            }
            List<String> cells = Arrays.stream(line.split("\\|")).map(String::strip).filter(c -> !c.isEmpty()).toList();
            assertThat(cells).as(line).hasSize(PRINCIPALS.size() + 1);
            String[] page = cells.get(0).split(" ", 2);
            rows.add(new Row(HttpMethod.valueOf(page[0]), page[1], cells.subList(1, cells.size())));
        }
        return rows;
    }
}
