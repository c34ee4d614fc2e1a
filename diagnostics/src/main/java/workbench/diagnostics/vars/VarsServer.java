package workbench.diagnostics.vars;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import workbench.diagnostics.metrics.Metrics;
import workbench.diagnostics.metrics.Snapshot;

/**
 * Serves a {@link Vars} registry over HTTP with the JDK's {@code jdk.httpserver}: JSON at
 * {@code /debug/vars} (command line, the JVM's vitals, every variable) and metrics at {@code /metrics}, written by
 * the Prometheus client's writers: OpenMetrics when the scraper accepts it, as a Prometheus server does, the
 * Prometheus text format otherwise. Bodies are gzipped for clients that accept it.
 *
 * {@snippet class="workbench.diagnostics.snippets.VarsSnippets" region="server"}
 *
 * <p>Binds to the loopback interface unless given another address. Only GET and HEAD are answered
 * (405 otherwise, 404 for other paths); each scrape reads the runtime afresh, which never stops the
 * world. Requests are handled by a small pool of daemon threads, so concurrent scrapes and broken
 * clients cannot exhaust the JVM. The Prometheus histogram of GC durations has the OpenTelemetry Java
 * agent's buckets, counted from GC notifications since the server started.
 */
public final class VarsServer implements AutoCloseable {

    private static final int HANDLER_THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Vars vars;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final PrometheusTextFormatWriter prometheusText = PrometheusTextFormatWriter.create();
    private final OpenMetricsTextFormatWriter openMetrics = OpenMetricsTextFormatWriter.create();
    private final GcDurations gcDurations;

    private VarsServer(Vars vars, InetSocketAddress address) throws IOException {
        this.vars = vars;
        this.server = bind(address);
        this.gcDurations = new GcDurations();
        this.executor = Executors.newFixedThreadPool(HANDLER_THREADS,
                Thread.ofPlatform().daemon().name("workbench-vars-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/debug/vars", guarded(this::serveJson));
        server.createContext("/metrics", guarded(this::servePrometheus));
        server.createContext("/", guarded(exchange -> respond(exchange, 404, "text/plain; charset=utf-8",
                "not found; try /debug/vars or /metrics\n".getBytes(StandardCharsets.UTF_8))));
        server.start();
    }

    private static HttpServer bind(InetSocketAddress address) throws IOException {
        try {
            return HttpServer.create(address, 64);
        } catch (BindException e) {
            BindException named = new BindException("Cannot serve on " + address.getAddress().getHostAddress()
                    + " port " + address.getPort() + " (" + e.getMessage() + "): another process, or a server you"
                    + " started earlier, uses it. Close that one, or pass port 0 for any free port and read port().");
            named.initCause(e);
            throw named;
        }
    }

    /**
     * Serves on the loopback interface.
     *
     * @param port the port, or 0 for any free one (see {@link #port()})
     * @throws BindException when the port is taken, with a message that names it
     * @throws IOException   when the server cannot start for another reason
     */
    public static VarsServer start(Vars vars, int port) throws IOException {
        return start(vars, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /**
     * Serves on the given address; pass a non-loopback address only when the variables may be public.
     *
     * @throws IOException when the address cannot be bound
     */
    public static VarsServer start(Vars vars, InetSocketAddress address) throws IOException {
        return new VarsServer(vars, address);
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base address, such as {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
    }

    private void serveJson(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/debug/vars")) {
            respond(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] body = json.writeValueAsBytes(JsonExport.of(vars.all(), runtime()));
        respond(exchange, 200, "application/json; charset=utf-8", body);
    }

    private void servePrometheus(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/metrics")) {
            respond(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        ExpositionFormatWriter writer = openMetrics.accepts(exchange.getRequestHeaders().getFirst("Accept"))
                ? openMetrics : prometheusText;
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        writer.write(body, PrometheusExport.of(vars.all(), runtime(), gcDurations));
        respond(exchange, 200, writer.getContentType(), body.toByteArray());
    }

    private static Snapshot runtime() {
        return Metrics.read();
    }

    /** Answers GET and HEAD only, and turns any failure into a 500 instead of a dropped connection. */
    private static HttpHandler guarded(HttpHandler handler) {
        return exchange -> {
            try (exchange) {
                String method = exchange.getRequestMethod();
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    respond(exchange, 405, "text/plain; charset=utf-8",
                            "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                handler.handle(exchange);
            } catch (IOException e) {
                // The client went away mid-response; nothing to answer.
            } catch (RuntimeException e) {
                try {
                    respond(exchange, 500, "text/plain; charset=utf-8",
                            ("internal error: " + e + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException ignored) {
                    // Headers were already sent; the connection is closed by try-with-resources.
                }
            }
        };
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] plain)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        byte[] body = plain;
        if (plain.length > 0 && acceptsGzip(exchange)) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            body = gzip(plain);
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Whether the request's {@code Accept-Encoding} lists gzip, and not with {@code q=0}. */
    private static boolean acceptsGzip(HttpExchange exchange) {
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.toLowerCase(Locale.ROOT).split(",")) {
            String[] nameAndWeight = coding.split(";");
            if (nameAndWeight[0].strip().equals("gzip")) {
                return nameAndWeight.length == 1 || !nameAndWeight[1].strip().matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
            out.write(plain);
        }
        return zipped.toByteArray();
    }

    /** Stops serving and waits briefly for responses in progress. Idempotent. */
    @Override
    public void close() {
        server.stop(0);
        gcDurations.close();
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
