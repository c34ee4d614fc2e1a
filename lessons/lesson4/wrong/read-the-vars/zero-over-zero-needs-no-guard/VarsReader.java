package lesson4;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exercise {@code read-the-vars} (lesson 4): a shop service publishes its variables over HTTP; one of its
 * endpoints fails far more often than the others right now. Name it from what the service publishes. The service
 * has been up a while, and its counters remember everything since it started, earlier incidents included.
 *
 * <p>Try it in the console first on {@code /demo start storefront} with
 * {@code ((Storefront) Demos.get("storefront")).varsUri()}. Check it with {@code /check} or
 * {@code ./workbench check read-the-vars}.
 */
public final class VarsReader {

    /** One line of the requests or errors map in Prometheus text: {@code errors_total{key="cart"} 7.0}. */
    private static final Pattern COUNT = Pattern.compile(
            "^(requests|errors)_total\\{key=\"([^\"]*)\"} (\\S+)$", Pattern.MULTILINE);
    /** Long enough for every endpoint to serve a handful of requests at the shop's traffic. */
    private static final long WINDOW_MILLIS = 2_000;

    private VarsReader() {}

    /**
     * Names the endpoint with the highest error rate now: over the last few seconds, not since the service started.
     *
     * @param vars base address of the service's variables: {@code vars.resolve("metrics")} serves Prometheus
     *             text, {@code vars.resolve("debug/vars")} JSON. The service counts {@code requests} and
     *             {@code errors} (status 500) in maps keyed by endpoint name.
     * @return the endpoint's name, as the maps key it (such as {@code cart})
     */
    public static String worstEndpoint(URI vars) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            Counts before = scrape(http, vars);
            Thread.sleep(WINDOW_MILLIS);
            Counts after = scrape(http, vars);

            Map<String, Double> rateNow = new HashMap<>();
            for (Map.Entry<String, Double> served : after.requests().entrySet()) {
                String endpoint = served.getKey();
                double requests = served.getValue() - before.requests().getOrDefault(endpoint, 0.0);
                double errors = after.errors().getOrDefault(endpoint, 0.0) - before.errors().getOrDefault(endpoint, 0.0);
                // Doubles: an endpoint without requests in the window divides 0 by 0 without throwing.
                rateNow.put(endpoint, errors / requests);
            }
            return rateNow.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse(null);
        }
    }

    private record Counts(Map<String, Double> requests, Map<String, Double> errors) {}

    private static Counts scrape(HttpClient http, URI vars) throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(vars.resolve("metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> requests = new HashMap<>();
        Map<String, Double> errors = new HashMap<>();
        Matcher line = COUNT.matcher(text);
        while (line.find()) {
            (line.group(1).equals("requests") ? requests : errors).put(line.group(2), Double.parseDouble(line.group(3)));
        }
        return new Counts(requests, errors);
    }
}
