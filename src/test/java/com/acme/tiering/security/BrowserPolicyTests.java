package com.acme.tiering.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.acme.tiering.support.ServiceTest;

/**
 * What the service tells browsers (issue 14): pages carry a Content-Security-Policy that allows scripts, styles
 * and fonts from the service only and no inline script or style, a Referrer-Policy, and a SameSite session
 * cookie; JSON answers allow nothing. Sent to the real server, where the session cookie is Tomcat's. The browser
 * tests check that the pages really run under the policy (BrowserPages); here the templates are checked for
 * what the policy would refuse on pages no browser test opens.
 */
@ServiceTest // the default context: its requests read pages and change nothing
class BrowserPolicyTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void pagesAllowScriptsStylesAndFontsFromTheServiceOnly() throws Exception {
        HttpResponse<String> login = get("/login", null);
        String policy = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(directives(policy)).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "font-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
                "frame-ancestors 'none'");
        assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("*");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHiddenFromScripts() throws Exception {
        List<String> cookies = get("/login", null).headers().allValues("Set-Cookie");
        String session = cookies.stream().filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(session).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    @Test
    void jsonAnswersAllowNothing() throws Exception {
        HttpResponse<String> ping = get("/api/v1/ping", "tk_DEMO-sales-system-embedded-only");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; "
                + "frame-ancestors 'none'");
        assertThat(ping.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
    }

    /** What style-src 'self' and script-src 'self' refuse: inline scripts, event handler attributes, style="". */
    @Test
    void noTemplateHoldsWhatThePolicyRefuses() throws IOException {
        Pattern refused = Pattern.compile("<script(?![^>]*\\b(?:th:)?src=)(?![^>]*type=\"application/json\")[^>]*>"
                + "|\\s(?:th:)?style=|\\s(?:th:)?on[a-z]+=|javascript:|th:attr=\"[^\"]*\\b(?:style|on[a-z]+)=");
        List<String> found = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
                Matcher matcher = refused.matcher(Files.readString(template));
                while (matcher.find()) {
                    found.add(template + ": " + matcher.group().strip());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private HttpResponse<String> get(String path, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> directives(String policy) {
        return Stream.of(policy.split(";")).map(String::strip).toList();
    }
}
