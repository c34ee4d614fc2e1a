package workbench.diagnostics.vars;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus server scrapes a {@link VarsServer} every second, and finds every runtime family a JVM
 * dashboard or lesson 5's rules query, under the names the OpenTelemetry Java agent gives them; runs where
 * Debian's prometheus package is installed (CI), skipped elsewhere.
 */
class PrometheusServerTest {

    private static final long FIRST_SCRAPE_MILLIS = 60_000;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static VarsServer vars;
    private static Process prometheus;
    private static URI api;

    /** One server for every test: it takes a few seconds to start and scrape. */
    @BeforeAll
    static void scrapeAVarsServer(@TempDir Path dir) throws Exception {
        Path binary = PromtoolTest.onPath("prometheus");
        Assumptions.assumeTrue(binary != null, "prometheus is not on the PATH");
        vars = VarsServer.start(new Vars(), 0);
        System.gc();  // a collection after the server started, for the GC histogram's buckets
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                scrape_configs:
                  - job_name: workbench
                    static_configs: [{targets: ['127.0.0.1:%d']}]
                """.formatted(vars.port()));
        int port = freePort();
        prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        api = URI.create("http://127.0.0.1:" + port + "/api/v1/");
        long deadline = System.currentTimeMillis() + FIRST_SCRAPE_MILLIS;
        while (result("up == 1").isEmpty()) {
            if (System.currentTimeMillis() > deadline || !prometheus.isAlive()) {
                throw new AssertionError("no successful scrape within " + FIRST_SCRAPE_MILLIS
                        + " ms; the server said:\n" + Files.readString(dir.resolve("prometheus.log")));
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor(10, TimeUnit.SECONDS);
        }
        if (vars != null) {
            vars.close();
        }
    }

    @Test
    void everyRuntimeFamilyIsQueryable() throws Exception {
        for (String family : List.of("jvm_memory_used_bytes", "jvm_memory_used_after_last_gc_bytes",
                "jvm_memory_limit_bytes", "jvm_thread_count", "jvm_class_count", "jvm_class_loaded_total",
                "jvm_cpu_count", "jvm_cpu_recent_utilization", "jvm_cpu_time_seconds_total",
                "jvm_gc_duration_seconds_count", "jvm_memory_allocated_bytes_total")) {
            assertFalse(result(family).isEmpty(), family + " has no series");
        }
    }

    /** The query a JVM dashboard's GC panel makes, on buckets a collection filled: a number, not NaN. */
    @Test
    void gcDurationQuantileIsANumber() throws Exception {
        JsonNode p99 = result("histogram_quantile(0.99, sum by (le) (jvm_gc_duration_seconds_bucket))");
        assertFalse(p99.isEmpty(), "no result");
        String value = p99.get(0).path("value").get(1).asText();
        assertTrue(Double.isFinite(Double.parseDouble(value)), "p99 of GC durations: " + value);
    }

    private static JsonNode result(String promql) throws IOException, InterruptedException {
        return query(promql).path("data").path("result");
    }

    private static JsonNode query(String promql) throws IOException, InterruptedException {
        URI uri = api.resolve("query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        try {
            return JSON.readTree(HTTP.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException notListeningYet) {
            return JSON.createObjectNode();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
