package lesson4;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    private static final Pattern SAMPLE = Pattern.compile("^(requests|errors)_total\\{key=\"([^\"]*)\"} (\\S+)$",
            Pattern.MULTILINE);
    /** Scrapes, and the time between two: two seconds in all, like a rate() over several samples. */
    private static final int SCRAPES = 6;
    private static final long INTERVAL_MILLIS = 400;

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
        List<Map<String, double[]>> scrapes = new ArrayList<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest scrape = HttpRequest.newBuilder(vars.resolve("metrics")).build();
            for (int i = 0; i < SCRAPES; i++) {
                if (i > 0) {
                    Thread.sleep(INTERVAL_MILLIS);
                }
                scrapes.add(parse(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body()));
            }
        }
        // The error rate of each interval between two scrapes, then its average over the intervals: one
        // interval alone is noise, the mean of several is the rate now.
        Map<String, Double> sumOfRates = new HashMap<>();
        Map<String, Integer> intervals = new HashMap<>();
        for (int i = 1; i < scrapes.size(); i++) {
            Map<String, double[]> before = scrapes.get(i - 1);
            for (Map.Entry<String, double[]> entry : scrapes.get(i).entrySet()) {
                double[] was = before.get(entry.getKey());
                if (was == null) {
                    continue;
                }
                double requests = entry.getValue()[0] - was[0];
                double errors = entry.getValue()[1] - was[1];
                if (requests <= 0) {
                    continue;
                }
                sumOfRates.merge(entry.getKey(), errors / requests, Double::sum);
                intervals.merge(entry.getKey(), 1, Integer::sum);
            }
        }
        String worst = null;
        double worstRate = -1;
        for (Map.Entry<String, Double> entry : sumOfRates.entrySet()) {
            double rate = entry.getValue() / intervals.get(entry.getKey());
            if (rate > worstRate) {
                worstRate = rate;
                worst = entry.getKey();
            }
        }
        return worst;
    }

    /** Per endpoint: {requests, errors}. */
    private static Map<String, double[]> parse(String text) {
        Map<String, double[]> counts = new HashMap<>();
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            double[] pair = counts.computeIfAbsent(m.group(2), k -> new double[2]);
            pair[m.group(1).equals("requests") ? 0 : 1] = Double.parseDouble(m.group(3));
        }
        return counts;
    }
}
