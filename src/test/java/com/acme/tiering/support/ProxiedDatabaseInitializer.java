package com.acme.tiering.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the test's datasource at the real MySQL-protocol server of {@link TestDatabase} through a
 * {@link TcpProxy} the test can cut, to play a database outage under a running service.
 */
public class ProxiedDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Pattern HOST_PORT = Pattern.compile("^(jdbc:[a-z]+://)([^:/]+)(?::(\\d+))?(/.*)$");

    private static TcpProxy proxy;

    public static synchronized TcpProxy proxy() {
        return proxy;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase.Connection db = TestDatabase.connection()
                .orElseThrow(() -> new IllegalStateException("started without a MySQL-protocol server"));
        Matcher url = HOST_PORT.matcher(db.url());
        if (!url.matches()) {
            throw new IllegalStateException("Cannot proxy " + db.url());
        }
        synchronized (ProxiedDatabaseInitializer.class) {
            if (proxy == null) {
                try {
                    proxy = new TcpProxy(url.group(2), url.group(3) == null ? 3306 : Integer.parseInt(url.group(3)));
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("proxiedTestDatabase", Map.of(
                "spring.datasource.url", url.group(1) + "127.0.0.1:" + proxy.port() + url.group(4),
                "spring.datasource.username", db.user() == null ? "" : db.user(),
                "spring.datasource.password", db.password() == null ? "" : db.password())));
    }
}
