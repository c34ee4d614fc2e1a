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

    private static final Pattern LINE = Pattern.compile("^(requests|errors)_total\\{key=\"([^\"]*)\"} (\\S+)$",
            Pattern.MULTILINE);

    private VarsReader() {}

    /** Counts by endpoint from one scrape: [0] requests, [1] errors. */
    private static Map<String, double[]> scrape(HttpClient http, URI vars) throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(vars.resolve("metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, double[]> counts = new HashMap<>();
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            double[] c = counts.computeIfAbsent(m.group(2), k -> new double[2]);
            c[m.group(1).equals("requests") ? 0 : 1] = Double.parseDouble(m.group(3));
        }
        return counts;
    }

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
            Map<String, double[]> before = scrape(http, vars);
            Thread.sleep(2_000);
            Map<String, double[]> after = scrape(http, vars);
            // The error rate since the start still remembers old incidents; what fails now is the endpoint whose
            // error rate is climbing: compare the rate of the two scrapes and take the largest rise.
            String worst = null;
            double worstRise = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, double[]> e : after.entrySet()) {
                double[] b = before.get(e.getKey());
                double[] a = e.getValue();
                if (b == null || b[0] <= 0 || a[0] <= 0) {
                    continue;
                }
                double rise = a[1] / a[0] - b[1] / b[0];
                if (rise > worstRise) {
                    worst = e.getKey();
                    worstRise = rise;
                }
            }
            return worst;
        }
    }
}
