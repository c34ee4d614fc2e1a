package lesson4;

// Misconception: the error rate "now" should be as fresh as possible, and a rate is per second, so two scrapes
// one second apart give the current rate; a longer window only blurs it with older traffic.

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
    private static final Pattern COUNT =
            Pattern.compile("^(requests|errors)_total\\{key=\"([^\"]*)\"} (\\S+)$", Pattern.MULTILINE);

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
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest metrics = HttpRequest.newBuilder(vars.resolve("metrics")).build();
            Counts before = scrape(http, metrics);
            Thread.sleep(1_000);   // one second apart: the rate per second, as fresh as it gets
            Counts after = scrape(http, metrics);
            String worst = null;
            double worstRate = -1;
            for (String endpoint : after.requests().keySet()) {
                double served = after.requests(endpoint) - before.requests(endpoint);
                if (served <= 0) {
                    continue;
                }
                double rate = (after.errors(endpoint) - before.errors(endpoint)) / served;
                if (rate > worstRate) {
                    worst = endpoint;
                    worstRate = rate;
                }
            }
            return worst;
        }
    }

    /** Requests and errors by endpoint, as one scrape saw them. */
    private record Counts(Map<String, Double> requests, Map<String, Double> errors) {

        double requests(String endpoint) {
            return requests.getOrDefault(endpoint, 0.0);
        }

        double errors(String endpoint) {
            return errors.getOrDefault(endpoint, 0.0);
        }
    }

    private static Counts scrape(HttpClient http, HttpRequest metrics) throws IOException, InterruptedException {
        String text = http.send(metrics, HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> requests = new HashMap<>();
        Map<String, Double> errors = new HashMap<>();
        Matcher line = COUNT.matcher(text);
        while (line.find()) {
            (line.group(1).equals("requests") ? requests : errors).put(line.group(2), Double.parseDouble(line.group(3)));
        }
        return new Counts(requests, errors);
    }
}
