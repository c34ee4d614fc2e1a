package lesson4;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
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

    /** One scrape of /metrics: per endpoint, [0] requests and [1] errors since the start. */
    private static Map<String, double[]> scrape(HttpClient http, URI vars) throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(vars.resolve("metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, double[]> counts = new TreeMap<>();
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
        // A rate over a few requests is noise, so rank by how significant each endpoint's excess is: its rate over
        // the last two seconds against the service's rate over the same seconds, in standard errors (a z-score).
        try (HttpClient http = HttpClient.newHttpClient()) {
            Map<String, double[]> before = scrape(http, vars);
            Thread.sleep(2_000);
            Map<String, double[]> after = scrape(http, vars);
            Map<String, double[]> window = new TreeMap<>();
            double allRequests = 0;
            double allErrors = 0;
            for (Map.Entry<String, double[]> e : after.entrySet()) {
                double[] then = before.getOrDefault(e.getKey(), new double[2]);
                double requests = e.getValue()[0] - then[0];
                double errors = e.getValue()[1] - then[1];
                window.put(e.getKey(), new double[] {requests, errors});
                allRequests += requests;
                allErrors += errors;
            }
            if (allRequests <= 0) {
                return null;
            }
            double overall = allErrors / allRequests;
            String worst = null;
            double worstScore = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, double[]> e : window.entrySet()) {
                double requests = e.getValue()[0];
                if (requests <= 0) {
                    continue;
                }
                double rate = e.getValue()[1] / requests;
                double standardError = Math.sqrt(Math.max(overall * (1 - overall), 1e-9) / requests);
                double z = (rate - overall) / standardError;
                if (z > worstScore) {
                    worstScore = z;
                    worst = e.getKey();
                }
            }
            return worst;
        }
    }
}
