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
 * Exercise {@code instrument-it} (lesson 4): a small order service on loopback. It works, and nobody can see how.
 *
 * <p>Publish these variables with the library's {@code Vars}, and serve them with {@code VarsServer} on the
 * loopback interface:
 * <ul>
 *   <li>{@code requests}: a counter of every request handled, whatever its status, even one whose handler
 *       threw;</li>
 *   <li>{@code responses}: a map of answered requests keyed by status code ({@code "201"}, {@code "404"}, ...);</li>
 *   <li>{@code request_duration}: a histogram of the time each request took to handle, every one of them;</li>
 *   <li>{@code orders_open}: a gauge of the orders stored right now.</li>
 * </ul>
 * Check it with {@code /check} or {@code ./workbench check instrument-it}.
 */
public final class OrderService implements AutoCloseable {

    private final Map<String, String> orders = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final ExecutorService workers = Executors.newFixedThreadPool(4,
            Thread.ofPlatform().daemon().name("orders-", 0).factory());
    private final Vars vars = new Vars();
    private final Counter requests = vars.counter("requests", "Requests handled, whatever their status.");
    private final VarMap responses = vars.map("responses", "Requests answered, by status code.");
    private final Histogram requestDuration = vars.histogram("request_duration", "Time to handle a request.");
    private final HttpServer server;
    private final VarsServer varsServer;

    public OrderService() throws IOException {
        vars.gauge("orders_open", "Orders stored right now.", orders::size);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(workers);
        server.createContext("/orders", this::handle);
        server.start();
        varsServer = VarsServer.start(vars, 0);   // loopback, any free port
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
     * Counts and times every request; files its status only when it was answered, that is when the handler did
     * not throw. The status is the request's own, from its exchange, never from a field.
     */
    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        boolean answered = false;
        try {
            route(exchange);
            answered = true;
        } finally {
            requests.increment();
            requestDuration.record(Duration.ofNanos(System.nanoTime() - start));
            if (answered) {
                responses.increment(String.valueOf(exchange.getResponseCode()));
            }
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
        server.stop(0);
        varsServer.close();
        workers.shutdownNow();
    }
}
