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

    /** One sample of either map in the Prometheus text, such as {@code errors_total{key="cart"} 7.0}. */
    private static final Pattern COUNT =
            Pattern.compile("^(requests|errors)_total\\{key=\"([^\"]*)\"} (\\S+)$", Pattern.MULTILINE);
    private static final int REQUESTS = 0;
    private static final int ERRORS = 1;
    /** Time between the two scrapes: every endpoint serves a handful of requests meanwhile. */
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
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest scrape = HttpRequest.newBuilder(vars.resolve("metrics")).build();
        Map<String, double[]> before = scrape(http, scrape);
        Thread.sleep(WINDOW_MILLIS);
        Map<String, double[]> after = scrape(http, scrape);

        String worst = null;
        double worstRate = -1;
        String failedEverything = null;   // only if nothing else failed at all
        for (Map.Entry<String, double[]> endpoint : after.entrySet()) {
            double[] then = before.get(endpoint.getKey());
            if (then == null) {
                continue;
            }
            double served = endpoint.getValue()[REQUESTS] - then[REQUESTS];
            double failed = endpoint.getValue()[ERRORS] - then[ERRORS];
            if (served <= 0) {
                continue;   // served nothing in the window: no rate (0.0 / 0.0 is NaN)
            }
            if (failed >= served) {
                // Every request failed: a gap between batches or a misrouted client, not a rate to rank.
                failedEverything = endpoint.getKey();
                continue;
            }
            double rate = failed / served;
            if (rate > worstRate) {
                worst = endpoint.getKey();
                worstRate = rate;
            }
        }
        return worst != null && worstRate > 0 ? worst : failedEverything != null ? failedEverything : worst;
    }

    /** Requests and errors by endpoint, from one scrape of the Prometheus text. */
    private static Map<String, double[]> scrape(HttpClient http, HttpRequest scrape)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(scrape, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("scraping " + scrape.uri() + " answered " + response.statusCode());
        }
        Map<String, double[]> counts = new HashMap<>();
        Matcher line = COUNT.matcher(response.body());
        while (line.find()) {
            double[] count = counts.computeIfAbsent(line.group(2), key -> new double[2]);
            count[line.group(1).equals("requests") ? REQUESTS : ERRORS] = Double.parseDouble(line.group(3));
        }
        return counts;
    }
}
