package com.acme.tiering.support;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every {@link BrowserTest} class needs: one Chromium per class, started on first use against the service's
 * port and closed after the class.
 */
public abstract class BrowserPages {

    private static Browser browser;

    @LocalServerPort
    protected int port;

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
