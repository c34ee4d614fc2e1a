package lesson4;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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

    private static final Pattern COUNTER =
            Pattern.compile("^(requests|errors)_total\\{key=\"([^\"]*)\"} (\\S+)$", Pattern.MULTILINE);
    /** The window of a first look at a service: every endpoint in use serves a handful in it. */
    private static final long FIRST_WINDOW_MILLIS = 2_000;
    /** A previous scrape older than this says nothing about "now" any more: start over. */
    private static final long MAX_BASELINE_AGE_NANOS = 5L * 60 * 1_000_000_000;

    /** The last scrape of each service, as a scraper keeps it: the next rate is computed against it. */
    private static final Map<URI, Scrape> LAST = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Scrape(long nanos, Map<String, double[]> counts) {}

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
        HttpRequest scrape = HttpRequest.newBuilder(vars.resolve("metrics")).build();

        // Like Prometheus, compute the rate between the previous scrape and this one: each scrape of the service
        // takes a thread dump there, so do not scrape twice when the last scrape is still at hand.
        Scrape previous = LAST.get(vars);
        if (previous == null || System.nanoTime() - previous.nanos() > MAX_BASELINE_AGE_NANOS) {
            previous = scrape(scrape);
            Thread.sleep(FIRST_WINDOW_MILLIS);
        }
        Scrape current = scrape(scrape);
        if (restarted(previous, current)) {
            // A counter went down: the service restarted, and the old baseline belongs to another life.
            previous = current;
            Thread.sleep(FIRST_WINDOW_MILLIS);
            current = scrape(scrape);
        }
        LAST.put(vars, current);

        String worst = worst(previous, current);
        if (worst == null) {
            // Nothing was served in between: there is no rate yet. Wait for some traffic and look again.
            Thread.sleep(FIRST_WINDOW_MILLIS);
            Scrape later = scrape(scrape);
            LAST.put(vars, later);
            worst = worst(current, later);
        }
        return worst;
    }

    /** The endpoint whose errors over the window, divided by its requests over the window, are the highest. */
    private static String worst(Scrape before, Scrape after) {
        String worst = null;
        double worstRate = -1;
        for (Map.Entry<String, double[]> endpoint : after.counts().entrySet()) {
            double[] then = before.counts().getOrDefault(endpoint.getKey(), new double[2]);
            double requests = endpoint.getValue()[0] - then[0];
            double errors = endpoint.getValue()[1] - then[1];
            if (requests <= 0) {
                continue;   // no requests in the window: no rate, and 0/0 would rank first as NaN
            }
            double rate = errors / requests;
            if (rate > worstRate) {
                worstRate = rate;
                worst = endpoint.getKey();
            }
        }
        return worst;
    }

    private static boolean restarted(Scrape before, Scrape after) {
        for (Map.Entry<String, double[]> endpoint : after.counts().entrySet()) {
            double[] then = before.counts().get(endpoint.getKey());
            if (then != null && (endpoint.getValue()[0] < then[0] || endpoint.getValue()[1] < then[1])) {
                return true;
            }
        }
        return false;
    }

    /** Requests and errors by endpoint, from one scrape: {@code [requests, errors]} per key. */
    private static Scrape scrape(HttpRequest scrape) throws IOException, InterruptedException {
        long at = System.nanoTime();
        String text = HTTP.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
        Map<String, double[]> counts = new TreeMap<>();
        Matcher line = COUNTER.matcher(text);
        while (line.find()) {
            double[] pair = counts.computeIfAbsent(line.group(2), key -> new double[2]);
            pair[line.group(1).equals("requests") ? 0 : 1] = Double.parseDouble(line.group(3));
        }
        return new Scrape(at, counts);
    }
}
