package com.acme.tiering.api;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.acme.tiering.governance.RulesetDrafts;
import com.acme.tiering.governance.RulesetVersions;

/** Ruleset requests the API refuses before it reads or writes a version: problem details that say why. */
@ApiSlice
class RulesetRequestsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RulesetVersions versions;

    @Autowired
    RulesetDrafts drafts;

    /**
     * Spring alone reads 0x1 and #1 as 1; an address names a version in decimal digits or names none. Version 1 is
     * looked up (and is unknown to the mocked versions: 404); the other spellings are refused before any look-up.
     */
    @Test
    void aVersionIsNamedInDecimalDigitsOnly() throws Exception {
        mvc.perform(get("/api/v1/rulesets/1")).andExpect(status().isNotFound());
        for (String other : new String[] { "0x1", "0X1", "%231", "%201", "+1" }) {
            mvc.perform(get("/api/v1/rulesets/" + other)).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        verify(versions).find(1L);
        verifyNoMoreInteractions(versions);
    }

    @Test
    void anOperationsManagerMayNotUploadDrl() throws Exception {
        mvc.perform(multipart("/api/v1/rulesets").file(new MockMultipartFile("files", "lifecycle.drl",
                MediaType.APPLICATION_OCTET_STREAM_VALUE, "package x;".getBytes(StandardCharsets.UTF_8)))
                .param("comment", "test upload").with(user("ops").roles("OPS_MANAGER")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("RULE_AUTHOR")));
        verifyNoInteractions(drafts);
    }
}
