/*
 * Misconception: request durations are better recorded in milliseconds, because a request takes well under
 *   the first bucket bound (5 ms) and milliseconds spread the samples over the buckets.
 * Why a learner would believe it: the counts are right, JSON shows readable numbers such as 0.8 instead of
 *   0.0008, and recordSeconds(double) accepts whatever number it is given.
 * What is actually right: histograms take base units; record the elapsed nanoseconds as a Duration (or
 *   seconds), so request_duration_seconds_sum really is seconds and every dashboard can compare it.
 */
package lesson4;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import workbench.diagnostics.vars.Counter;
import workbench.diagnostics.vars.Histogram;
import workbench.diagnostics.vars.VarMap;
import workbench.diagnostics.vars.Vars;
import workbench.diagnostics.vars.VarsServer;

public final class OrderService implements AutoCloseable {

    private final Map<String, String> orders = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final ExecutorService workers = Executors.newFixedThreadPool(4,
            Thread.ofPlatform().daemon().name("orders-", 0).factory());
    private final Vars vars = new Vars();
    private final Counter requests = vars.counter("requests", "Requests answered, whatever their status.");
    private final VarMap responses = vars.map("responses", "Requests answered, by status code.");
    private final Histogram duration = vars.histogram("request_duration", "Time to handle a request.");
    private final HttpServer server;
    private final VarsServer varsServer;

    public OrderService() throws IOException {
        vars.gauge("orders_open", "Orders stored right now.", orders::size);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(workers);
        server.createContext("/orders", this::handle);
        server.start();
        varsServer = VarsServer.start(vars, 0);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public URI varsUri() {
        return varsServer.uri();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String id = path.startsWith("/orders/") ? path.substring("/orders/".length()) : null;
            if (method.equals("POST") && id == null) {
                String item = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (item.isEmpty()) {
                    respond(exchange, 400, "an order needs an item");
                    return;
                }
                String newId = Long.toString(nextId.getAndIncrement());
                orders.put(newId, item);
                respond(exchange, 201, newId);
            } else if (method.equals("GET") && id != null) {
                String item = orders.get(id);
                respond(exchange, item == null ? 404 : 200, item == null ? "no order " + id : item);
            } else if (method.equals("DELETE") && id != null) {
                respond(exchange, orders.remove(id) == null ? 404 : 204, "");
            } else {
                respond(exchange, 405, "use POST /orders, GET or DELETE /orders/ID");
            }
        } finally {
            requests.increment();
            responses.increment(String.valueOf(exchange.getResponseCode()));
            // Sub-millisecond requests all land in the first bucket in seconds; milliseconds use the buckets.
            double elapsedMillis = (System.nanoTime() - start) / 1_000_000.0;
            duration.recordSeconds(elapsedMillis);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        varsServer.close();
        server.stop(0);
        workers.shutdownNow();
    }
}
