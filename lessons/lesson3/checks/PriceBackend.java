package lesson3.checks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The price service that exercise {@code fix-the-leak}'s quote service calls: prices in cents, by SKU. It answers
 * many requests at once, on threads started with it (before any {@link StartedThreads} watch), and can be made to
 * take a while to answer, as a real backend does under load.
 */
final class PriceBackend implements AutoCloseable {

    private final Map<String, Long> prices = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ThreadPoolExecutor handlers = (ThreadPoolExecutor) Executors.newFixedThreadPool(64,
            Thread.ofPlatform().daemon().name("price-backend-", 0).factory());
    private volatile int latencyMillis;

    PriceBackend(Map<String, Long> initialPrices) throws IOException {
        prices.putAll(initialPrices);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/price", exchange -> {
            if (latencyMillis > 0) {
                try {
                    Thread.sleep(latencyMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String query = exchange.getRequestURI().getQuery();
            Long price = query != null && query.startsWith("sku=") ? prices.get(query.substring(4)) : null;
            byte[] body = (price == null ? "unknown sku" : price.toString()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(price == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        handlers.prestartAllCoreThreads();
        server.setExecutor(handlers);
        server.start();
    }

    /** How long each answer takes from now on; 0 for as fast as it can. */
    void latency(int millis) {
        latencyMillis = millis;
    }

    URI base() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/");
    }

    long price(String sku) {
        return prices.get(sku);
    }

    void setPrice(String sku, long cents) {
        prices.put(sku, cents);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
