package lesson1.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import workbench.harness.Demo;

/**
 * Demo {@code hot-polling}: a small status service on loopback whose handler ({@link StatusPage}) reads
 * the JVM's state the expensive way on every request. {@link #load(int)} drives it and reports throughput
 * and the safepoints the JVM went through meanwhile.
 *
 * <pre>{@code
 * var demo = (HotPolling) Demos.get("hot-polling");
 * demo.uri();            // http://127.0.0.1:PORT/status
 * demo.load(300);        // requests per second, safepoints per 1,000 requests, time stopped
 * }</pre>
 *
 * As a program: {@code HotPolling [--load REQUESTS]} prints {@code hot-polling listening on URI} first,
 * then, with {@code --load}, one load report line, and serves until killed.
 */
public final class HotPolling implements Demo {

    private static final int SERVER_THREADS = 4;

    private final StatusPage page = new StatusPage();
    private final AtomicLong served = new AtomicLong();
    private HttpServer server;
    private ExecutorService workers;
    private volatile LoadReport lastLoad;

    @Override
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        workers = Executors.newFixedThreadPool(SERVER_THREADS);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/status", this::serve);
        server.setExecutor(workers);
        server.start();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getQuery();
            String id = query != null && query.startsWith("id=") ? query.substring(3) : "r-" + served.get();
            byte[] body = page.render(id).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            served.incrementAndGet();
        }
    }

    /** Where the status page is served. */
    public URI uri() {
        HttpServer running = server;
        if (running == null) {
            throw new IllegalStateException("hot-polling is not started");
        }
        return URI.create("http://127.0.0.1:" + running.getAddress().getPort() + "/status");
    }

    /** Sends that many requests from four concurrent clients and reports what it cost the JVM. */
    public LoadReport load(int requests) throws InterruptedException {
        LoadReport report = LoadGenerator.run(uri(), requests, SERVER_THREADS);
        lastLoad = report;
        return report;
    }

    /** Requests served since the start. */
    public long served() {
        return served.get();
    }

    @Override
    public String status() {
        if (server == null) {
            return "not started";
        }
        LoadReport last = lastLoad;
        return "serving " + uri() + ", " + served() + " requests so far"
                + (last == null ? "; try load(300)" : "; last load: " + last);
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        workers.shutdownNow();
        page.close();
        server = null;
    }

    public static void main(String[] args) throws Exception {
        HotPolling demo = new HotPolling();
        demo.start();
        System.out.println("hot-polling listening on " + demo.uri());
        if (args.length == 2 && args[0].equals("--load")) {
            System.out.println("load: " + demo.load(Integer.parseInt(args[1])));
        }
        Thread.currentThread().join();
    }
}
