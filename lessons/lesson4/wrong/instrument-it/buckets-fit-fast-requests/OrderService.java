package lesson4;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

/**
 * Exercise {@code instrument-it} (lesson 4): a small order service on loopback, publishing its variables with the
 * library's {@link Vars}: every request is counted, by status too, and timed around the routing; the open orders
 * are a gauge read from the map itself. {@link VarsServer} serves them on the loopback interface.
 */
public final class OrderService implements AutoCloseable {

    private final Map<String, String> orders = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final ExecutorService workers = Executors.newFixedThreadPool(4,
            Thread.ofPlatform().daemon().name("orders-", 0).factory());
    private final HttpServer server;
    private final Vars vars = new Vars();
    private final Counter requests = vars.counter("requests", "Requests answered, whatever their status.");
    private final VarMap responses = vars.map("responses", "Requests answered, by status code.");
    private final Histogram duration = vars.histogram("request_duration", "Time to handle a request.",
            0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005);
    private final VarsServer varsServer;

    public OrderService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(workers);
        server.createContext("/orders", this::handle);
        server.start();
        vars.gauge("orders_open", "Orders stored right now.", orders::size);
        varsServer = VarsServer.start(vars, 0);
    }

    /** The service's base address: {@code POST orders}, {@code GET orders/ID}, {@code DELETE orders/ID}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The base address of the variables: {@code varsUri().resolve("metrics")} and {@code resolve("debug/vars")}. */
    public URI varsUri() {
        return varsServer.uri();
    }

    /**
     * Counts and times every request, whatever it answered, even when routing throws; files it by the status it was
     * answered with, unless it was answered nothing (its code is then -1).
     */
    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        try {
            route(exchange);
        } finally {
            requests.increment();
            int status = exchange.getResponseCode();
            if (status > 0) {
                responses.increment(String.valueOf(status));
            }
            duration.record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * {@code POST /orders} with an item as body stores an order (201, its id; 400 for an empty body);
     * {@code GET /orders/ID} answers its item (200) and {@code DELETE /orders/ID} removes it (204), both 404 for
     * an unknown id; anything else is 405.
     */
    private void route(HttpExchange exchange) throws IOException {
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
