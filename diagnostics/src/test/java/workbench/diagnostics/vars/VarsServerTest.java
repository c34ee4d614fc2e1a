package workbench.diagnostics.vars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VarsServerTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Vars vars;
    private VarsServer server;

    @BeforeEach
    void start() throws IOException {
        vars = new Vars();
        vars.counter("requests", "Requests handled.").add(3);
        vars.gauge("queue_depth", "Jobs waiting.", () -> 7);
        vars.gauge("temperature", "Set by hand.").set(21.5);
        vars.histogram("request_duration", "Time to handle a request.").record(Duration.ofMillis(30));
        vars.map("responses", "Responses by status.").add("200", 5);
        vars.map("responses", "Responses by status.").increment("503");
        server = VarsServer.start(vars, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void variablesPrintTheirKindNameAndValue() {
        assertEquals("counter requests = 3", vars.get("requests").toString());
        assertEquals("gauge queue_depth = 7.0", vars.get("queue_depth").toString());
        assertEquals("map responses = {200=5, 503=1}", vars.get("responses").toString());
        assertTrue(vars.get("request_duration").toString().startsWith("histogram request_duration: n=1 "),
                vars.get("request_duration").toString());
    }

    @Test
    void jsonHasCommandLineRuntimeVitalsAndEveryVariable() throws Exception {
        HttpResponse<String> response = get("/debug/vars");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode document = new ObjectMapper().readTree(response.body());
        assertTrue(document.get("cmdline").isArray() && document.get("cmdline").size() > 0);
        assertTrue(document.at("/runtime/jvm_thread_count/value").asDouble() > 0, response.body());
        assertTrue(document.at("/runtime/jvm_memory_used/by").isArray());
        assertEquals(2, document.at("/runtime/jvm_memory_used/by").findValues("jvm_memory_type").stream()
                .map(JsonNode::asText).distinct().count(), "heap and non_heap parts, keyed as jq names them");
        assertEquals(3, document.get("requests").asLong());
        assertEquals(7, document.get("queue_depth").asDouble());
        assertEquals(21.5, document.get("temperature").asDouble());
        assertEquals(5, document.at("/responses/200").asLong());
        assertEquals(1, document.at("/request_duration/count").asLong());
        assertEquals(0.03, document.at("/request_duration/p50_seconds").asDouble(), 0.001);
    }

    @Test
    void prometheusTextHasRuntimeAndVariablesWithUnitsAndTypes() throws Exception {
        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode());
        String text = response.body();
        assertTrue(text.contains("# TYPE requests_total counter") || text.contains("# TYPE requests counter"), text);
        assertTrue(text.contains("requests_total 3"), text);
        assertTrue(text.contains("queue_depth 7"), text);
        assertTrue(text.contains("responses_total{key=\"503\"} 1"), text);
        assertTrue(text.contains("request_duration_seconds_bucket{le=\"0.05\"} 1"), text);
        assertTrue(text.contains("request_duration_seconds_bucket{le=\"0.025\"} 0"), text);
        assertTrue(text.contains("# TYPE jvm_memory_used_bytes gauge"), text);
        assertTrue(text.contains("jvm_thread_count{jvm_thread_daemon="), text);
        assertTrue(text.contains("jvm_cpu_time_seconds_total"), text);
    }

    /** A Prometheus server asks for OpenMetrics first: it gets OpenMetrics, ending in the EOF marker. */
    @Test
    void openMetricsWhenTheScraperAcceptsIt() throws Exception {
        HttpResponse<String> response = client.send(request("/metrics").header("Accept",
                "application/openmetrics-text;version=1.0.0;q=0.6,text/plain;version=0.0.4;q=0.3,*/*;q=0.2").build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow()
                .startsWith("application/openmetrics-text"), response.headers().toString());
        assertTrue(response.body().contains("requests_total 3"), response.body());
        assertTrue(response.body().endsWith("# EOF\n"), response.body());
        assertTrue(get("/metrics").headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    }

    /** Gzip for clients that ask for it, the same text once unzipped; never for those that refuse it. */
    @Test
    void gzipWhenAsked() throws Exception {
        HttpResponse<byte[]> zipped = client.send(request("/debug/vars").header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null));
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            JsonNode json = new ObjectMapper().readTree(in);
            assertEquals(3, json.path("requests").asInt(), json.toString());
        }
        HttpResponse<String> refused = client.send(request("/debug/vars").header("Accept-Encoding", "gzip;q=0")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty(), refused.headers().toString());
    }

    /** The names the OpenTelemetry Java agent's Prometheus exporter gives them, so that one dashboard reads both. */
    @Test
    void runtimeFamiliesAreNamedAsTheOpenTelemetryAgentNamesThem() throws Exception {
        String text = get("/metrics").body();
        for (String family : List.of("jvm_thread_count", "jvm_class_count", "jvm_cpu_count",
                "jvm_cpu_recent_utilization", "jvm_class_loaded_total", "jvm_memory_used_bytes")) {
            assertTrue(Pattern.compile("(?m)^" + family + "[ {]").matcher(text).find(), family + " in:\n" + text);
        }
        for (String renamed : List.of("jvm_threads", "jvm_classes", "jvm_cpus", "jvm_buffers", "_ratio")) {
            assertFalse(text.contains(renamed), renamed + " in:\n" + text);
        }
    }

    /** Two collections after the server started land in the agent's buckets, cumulative, the last one all. */
    @Test
    void gcDurationsFallIntoTheAgentsBuckets() throws Exception {
        System.gc();
        System.gc();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<long[]> points = gcBuckets(get("/metrics").body());
        while (points.stream().mapToLong(buckets -> buckets[4]).sum() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);  // the JVM sends GC notifications from a thread of its own, a moment later
            points = gcBuckets(get("/metrics").body());
        }
        assertTrue(points.stream().mapToLong(buckets -> buckets[4]).sum() >= 2, "two collections counted");
        for (long[] buckets : points) {
            for (int i = 1; i < buckets.length; i++) {
                assertTrue(buckets[i] >= buckets[i - 1], "cumulative: " + Arrays.toString(buckets));
            }
        }
    }

    /** Per collector, the counts of buckets le 0.01, 0.1, 1, 10 and +Inf. */
    private static List<long[]> gcBuckets(String text) {
        Matcher bucket = Pattern.compile("(?m)^jvm_gc_duration_seconds_bucket\\{(.*)le=\"([^\"]+)\"} (\\S+)$")
                .matcher(text);
        Map<String, long[]> byCollector = new LinkedHashMap<>();
        List<String> bounds = List.of("0.01", "0.1", "1.0", "10.0", "+Inf");
        while (bucket.find()) {
            long[] counts = byCollector.computeIfAbsent(bucket.group(1), k -> new long[bounds.size()]);
            counts[bounds.indexOf(bucket.group(2))] = (long) Double.parseDouble(bucket.group(3));
        }
        assertFalse(byCollector.isEmpty(), text);
        return List.copyOf(byCollector.values());
    }

    @Test
    void bindsToLoopbackAndAnswersOnlyReadsOfKnownPaths() throws Exception {
        assertEquals("127.0.0.1", server.uri().getHost());
        assertEquals(404, get("/nothing-here").statusCode());
        assertEquals(404, get("/metrics/extra").statusCode());
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(server.uri().resolve("/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        HttpResponse<String> head = client.send(HttpRequest.newBuilder(server.uri().resolve("/debug/vars"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
    }

    @Test
    void aTakenPortIsNamedWithAWayOut() {
        BindException taken = assertThrows(BindException.class, () -> VarsServer.start(new Vars(), server.port()));
        assertTrue(taken.getMessage().contains("port " + server.port()), taken.getMessage());
        assertTrue(taken.getMessage().contains("pass port 0"), taken.getMessage());
    }

    @Test
    void malformedRequestsDoNotBreakTheServer() throws Exception {
        for (String garbage : List.of("BLAH\r\n\r\n", "GET\r\n\r\n", "GET /metrics HTTP/9.9\r\nHost\r\n\r\n",
                "\u0000\u0001\u0002\r\n\r\n", "GET /debug/vars HTTP/1.1\r\nContent-Length: -5\r\n\r\n")) {
            try (Socket socket = new Socket(server.uri().getHost(), server.port())) {
                socket.setSoTimeout(5_000);
                OutputStream out = socket.getOutputStream();
                out.write(garbage.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                socket.shutdownOutput();
                InputStream in = socket.getInputStream();
                in.readAllBytes();   // an error response or a closed connection, either is fine
            }
        }
        // A client that connects and says nothing must not hold the server either.
        try (Socket idle = new Socket(server.uri().getHost(), server.port())) {
            assertEquals(200, get("/metrics").statusCode());
        }
    }

    @Test
    void concurrentScrapesAllSucceedWhileVariablesChange() throws Exception {
        Counter requests = vars.counter("requests", "Requests handled.");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 160; i++) {
                String path = i % 2 == 0 ? "/metrics" : "/debug/vars";
                results.add(pool.submit(() -> {
                    requests.increment();
                    vars.map("responses", "Responses by status.").increment("k" + (requests.get() % 10));
                    return get(path).statusCode();
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(200, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(163, requests.get());
    }

    @Test
    void registryRejectsBadNamesAndKindClashes() {
        assertThrows(IllegalArgumentException.class, () -> vars.counter("Bad-Name", "x"));
        assertThrows(IllegalArgumentException.class, () -> vars.counter("hits_total", "x"));
        assertThrows(IllegalArgumentException.class, () -> vars.gauge("jvm_heap", "x"));
        assertThrows(IllegalArgumentException.class, () -> vars.gauge("requests", "x"));
        assertThrows(IllegalArgumentException.class, () -> vars.counter("requests", "x").add(-1));
        assertThrows(IllegalStateException.class, () -> ((Gauge) vars.get("queue_depth")).set(1));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(20));
    }
}
