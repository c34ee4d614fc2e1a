package lesson4.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import workbench.harness.Feedback;

/** Scrapes a vars server over HTTP the way Prometheus and a Go developer's curl would, loopback only. */
final class Scrape implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String SERVE = "Lesson 4, 'Variables over HTTP': VarsServer serves a Vars registry";

    private final URI base;
    private final String revisit;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();

    /** Refuses, in the learner's terms, a base address that is missing or not on loopback. */
    Scrape(URI base, String revisit) {
        this.revisit = revisit;
        Feedback.check(base != null, "Your service gave no address for its variables (null).", SERVE);
        Feedback.check(base.getHost() != null && isLoopback(base.getHost()), "Your service said its variables"
                + " are served at `" + base + "`, which is not a loopback address.", revisit);
        this.base = base;
    }

    /** Every sample of {@code /metrics}, keyed as written: {@code name} or {@code name{labels}}. */
    Map<String, Double> metrics() {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : get("metrics").lines().toList()) {
            int space = line.lastIndexOf(' ');
            if (!line.startsWith("#") && space > 0) {
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }

    /** The {@code /debug/vars} document. */
    JsonNode json() {
        try {
            return JSON.readTree(get("debug/vars"));
        } catch (IOException e) {
            throw Feedback.fail("`" + base.resolve("debug/vars") + "` did not answer a JSON document.", revisit);
        }
    }

    private String get(String path) {
        URI uri = base.resolve(path);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            Feedback.check(response.statusCode() == 200, "`GET " + uri + "` answered status "
                    + response.statusCode() + ".", revisit);
            return response.body();
        } catch (IOException e) {
            throw Feedback.fail("`GET " + uri + "` failed: " + e + ".", revisit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
