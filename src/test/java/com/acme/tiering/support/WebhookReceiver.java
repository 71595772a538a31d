package com.acme.tiering.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on a random local port that can be down (answering 503) and come back (200). It keeps
 * the bodies it accepted with 200 and counts the requests it refused.
 */
public final class WebhookReceiver {

    private final HttpServer server;
    private final List<Delivery> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean up = true;
    private volatile long hangMillis;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "webhook-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return receiver;
        }
        catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/churn-alerts";
    }

    public void down() {
        up = false;
    }

    /** Down, and slow about it: each request waits this long before its 503. */
    public void hanging(java.time.Duration hang) {
        hangMillis = hang.toMillis();
        up = false;
    }

    public void up() {
        hangMillis = 0;
        up = true;
    }

    /** A request answered with 200. */
    public record Delivery(String idempotencyKey, String body) {
    }

    public List<Delivery> accepted() {
        return List.copyOf(accepted);
    }

    public int refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String json = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (!up && hangMillis > 0) {
                sleep(hangMillis);
            }
            if (up && exchange.getRequestMethod().equals("POST")) {
                accepted.add(new Delivery(exchange.getRequestHeaders().getFirst("Idempotency-Key"), json));
                exchange.sendResponseHeaders(200, -1);
            }
            else {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
