package com.acme.tiering.api;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.acme.tiering.decision.DecisionQueries;

/** Tier lookups the API refuses before it reads a decision: problem details that name what is wrong. */
@ApiSlice
class TierLookupRequestsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DecisionQueries decisions;

    @Test
    void bulkLookupRefusesMoreThanAThousandIds() throws Exception {
        String ids = IntStream.range(0, 1001).mapToObj(i -> "\"C" + i + "\"").collect(Collectors.joining(","));
        mvc.perform(post("/api/v1/tiers/lookup").contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerIds\":[" + ids + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.detail", containsString("customerIds")));
        verifyNoInteractions(decisions);
    }

    @Test
    void aLookupWithoutCredentialsIsRefusedByTheServicesOwnSecurityAsAProblem() throws Exception {
        mvc.perform(post("/api/v1/tiers/lookup").with(anonymous()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerIds\":[\"C1\"]}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"tiering\""))
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.detail", containsString("X-Api-Key")));
        verifyNoInteractions(decisions);
    }
}
