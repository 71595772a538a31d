package com.acme.tiering.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** API keys from creation to revocation, and JWT bearer tokens when a decoder is configured. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ApiKeyAndJwtTests.Jwt.class)
class ApiKeyAndJwtTests {

    static final KeyPair SIGNING = rsa();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @TestConfiguration
    static class Jwt {

        /** What an issuer-uri or jwk-set-uri would configure: tokens signed by our test key. */
        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) SIGNING.getPublic()).build();
        }
    }

    @Test
    void anAdministratorCreatesAKeyThatLooksTiersUpUntilItIsRevoked() throws Exception {
        String created = mvc.perform(post("/api/v1/admin/api-keys").with(httpBasic("admin", "admin-demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"CRM\",\"role\":\"SALES_SYSTEM\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String secret = JsonPath.read(created, "$.secret");
        int id = JsonPath.read(created, "$.key.id");
        assertThat(secret).startsWith("tk_").hasSizeGreaterThan(40);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_key WHERE key_hash = ?", Integer.class, secret))
                .as("the key itself is not stored").isZero();

        mvc.perform(get("/api/v1/customers/NOBODY/tier").with(anonymous()).header("X-Api-Key", secret))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/NOBODY/explanation").with(anonymous()).header("X-Api-Key", secret))
                .andExpect(status().isForbidden());
        String listed = mvc.perform(get("/api/v1/admin/api-keys").with(httpBasic("admin", "admin-demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(listed).contains("\"keyPrefix\":\"" + secret.substring(0, 10) + "\"").doesNotContain(secret)
                .doesNotContain("secret");

        mvc.perform(delete("/api/v1/admin/api-keys/" + id).with(httpBasic("admin", "admin-demo")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/customers/NOBODY/tier").with(anonymous()).header("X-Api-Key", secret))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("The API key is not known or has been revoked"));
        mvc.perform(delete("/api/v1/admin/api-keys/" + id).with(httpBasic("admin", "admin-demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void keysCarryOnlySystemRolesAndOnlyAdministratorsManageThem() throws Exception {
        mvc.perform(post("/api/v1/admin/api-keys").with(httpBasic("admin", "admin-demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"role\":\"ADMIN\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("role"));
        mvc.perform(post("/api/v1/admin/api-keys").with(httpBasic("ops", "ops-demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"role\":\"SALES_SYSTEM\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorCreatesAUserWhoSignsInWithItsRoleUntilDisabled() throws Exception {
        String body = "{\"name\":\"nora\",\"password\":\"a long enough secret\",\"roles\":[\"AUDITOR\"]}";
        mvc.perform(post("/api/v1/admin/users").with(httpBasic("admin", "admin-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.roles[0]").value("AUDITOR")).andExpect(jsonPath("$.password").doesNotExist());
        assertThat(jdbc.queryForObject("SELECT password_hash FROM app_user WHERE name = 'nora'", String.class))
                .startsWith("{bcrypt}").doesNotContain("secret");
        mvc.perform(post("/api/v1/admin/users").with(httpBasic("admin", "admin-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isConflict());
        // "ops" is a configured (here: demo) user; a second "ops" could never sign in
        mvc.perform(post("/api/v1/admin/users").with(httpBasic("admin", "admin-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("nora", "ops")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", org.hamcrest.Matchers
                        .containsString("ops")));
        mvc.perform(post("/api/v1/admin/users").with(httpBasic("admin", "admin-demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x1\",\"password\":\"short\",\"roles\":[\"SALES_SYSTEM\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", org.hamcrest.Matchers
                        .allOf(org.hamcrest.Matchers.containsString("password"), org.hamcrest.Matchers
                                .containsString("roles"))));

        mvc.perform(get("/api/v1/decisions/summary").with(httpBasic("nora", "a long enough secret")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/evaluation-runs").with(httpBasic("nora", "a long enough secret")))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/admin/users/nora").with(httpBasic("admin", "admin-demo")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/decisions/summary").with(httpBasic("nora", "a long enough secret")))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'user' AND target_id = 'nora' "
                + "ORDER BY id", String.class)).containsExactly("USER_CREATED", "USER_DISABLED");
    }

    @Test
    void aJwtsRolesClaimDecidesWhatItMayDo() throws Exception {
        String auditor = token(List.of("AUDITOR"), SIGNING);
        mvc.perform(get("/api/v1/decisions/summary").with(anonymous()).header("Authorization", "Bearer " + auditor))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/evaluation-runs").with(anonymous()).header("Authorization", "Bearer " + auditor))
                .andExpect(status().isForbidden());
        String forged = token(List.of("ADMIN"), rsa());
        mvc.perform(get("/api/v1/decisions/summary").with(anonymous()).header("Authorization", "Bearer " + forged))
                .andExpect(status().isUnauthorized());
    }

    private static String token(List<String> roles, KeyPair key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("jwt-user").claim("roles", roles).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
