package com.acme.tiering.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every {@link BrowserTest} class needs: one Chromium per class, started on first use against the service's
 * port and closed after the class. After every test the browser's console must report no Content-Security-Policy
 * violation: every page of the tour runs under the policy the service sends.
 */
public abstract class BrowserPages {

    private static Browser browser;

    @LocalServerPort
    protected int port;

    @AfterEach
    void nothingWasRefusedByTheContentSecurityPolicy() {
        if (browser != null) {
            assertThat(browser.policyViolations()).as("Content-Security-Policy violations in the browser console")
                    .isEmpty();
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    protected Browser browser() {
        if (browser == null) {
            browser = Browser.start(port);
        }
        return browser;
    }
}
