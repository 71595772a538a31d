package com.acme.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.acme.tiering.security.ApiKeys;
import com.acme.tiering.support.ServiceTest;

/**
 * Calls every endpoint of the matrix in docs/security.md with no credentials, a wrong API key and each
 * role, and checks the answers against the document: the document is the specification.
 */
@ServiceTest
class RoleMatrixTests {

    private static final List<String> PRINCIPALS = List.of("anonymous", "wrong key", "SALES_SYSTEM", "INGESTION",
            "OPS_MANAGER", "RULE_AUTHOR", "AUDITOR", "ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiKeys keys;

    record Row(HttpMethod method, String path, List<String> expected) {
    }

    @Test
    void everyEndpointAnswersEachPrincipalAsDocsSecurityMdSays() throws Exception {
        List<Row> rows = matrix();
        assertThat(rows).hasSizeGreaterThan(25);
        String salesKey = keys.create("matrix sales system", "SALES_SYSTEM", "test").secret();
        String ingestionKey = keys.create("matrix ingestion", "INGESTION", "test").secret();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Row row : rows) {
            for (int i = 0; i < PRINCIPALS.size(); i++) {
                MockHttpServletRequestBuilder request = request(row).with(anonymous());
                switch (PRINCIPALS.get(i)) {
                    case "anonymous" -> { }
                    case "wrong key" -> request.header("X-Api-Key", "tk_not-a-key-of-this-service");
                    case "SALES_SYSTEM" -> request.header("X-Api-Key", salesKey);
                    case "INGESTION" -> request.header("X-Api-Key", ingestionKey);
                    default -> request.with(user("matrix-" + PRINCIPALS.get(i)).roles(PRINCIPALS.get(i)));
                }
                int status = mvc.perform(request).andReturn().getResponse().getStatus();
                calls++;
                String expected = row.expected().get(i);
                boolean ok = expected.equals("✓") ? status != 401 && status != 403
                        : status == Integer.parseInt(expected);
                if (!ok) {
                    wrong.add(row.method() + " " + row.path() + " as " + PRINCIPALS.get(i) + ": expected " + expected
                            + ", answered " + status);
                }
            }
        }
        System.out.printf("Role matrix: %d endpoints x %d principals = %d calls, %d not as documented%n", rows.size(),
                PRINCIPALS.size(), calls, wrong.size());
        assertThat(wrong).as("answers that differ from docs/security.md").isEmpty();
    }

    /** Sample values for the path's ids, and a body that changes nothing where a role is allowed. */
    private static MockHttpServletRequestBuilder request(Row row) {
        String path = row.path().replace("/customers/{id}", "/customers/MATRIX-NOBODY").replace("{id}", "999999");
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(row.method(), path);
        if (row.method() == HttpMethod.POST || row.method() == HttpMethod.PUT) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return request;
    }

    private static List<Row> matrix() throws Exception {
        List<Row> rows = new ArrayList<>();
        boolean inMatrix = false;
        for (String line : Files.readAllLines(Path.of("docs/security.md"))) {
            if (line.startsWith("## ")) {
                inMatrix = line.equals("## The matrix"); // the pages have their own table (PageRoleMatrixTests)
            }
            if (!inMatrix || !line.startsWith("| `")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.split("\\|")).map(String::strip).filter(c -> !c.isEmpty()).toList();
            String[] endpoint = cells.get(0).replace("`", "").split(" ", 2);
            rows.add(new Row(HttpMethod.valueOf(endpoint[0]), endpoint[1], cells.subList(1, cells.size())));
            assertThat(cells).as(line).hasSize(PRINCIPALS.size() + 1);
        }
        return rows;
    }
}
