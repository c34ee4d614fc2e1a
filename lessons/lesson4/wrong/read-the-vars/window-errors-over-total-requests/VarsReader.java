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

    private static final Pattern SAMPLE = Pattern.compile("^(requests|errors)_total\\{key=\"([^\"]*)\"} (\\S+)$",
            Pattern.MULTILINE);

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
            HttpRequest scrape = HttpRequest.newBuilder(vars.resolve("metrics")).build();
            Map<String, Map<String, Double>> before = parse(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body());
            Thread.sleep(2_000);
            Map<String, Map<String, Double>> after = parse(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body());

            // The errors that happened now: the difference between the scrapes, so an old incident drops out.
            // Divided by how much traffic the endpoint handles, its request count, to compare endpoints fairly.
            String worst = null;
            double worstRate = -1;
            for (Map.Entry<String, Double> entry : after.get("errors").entrySet()) {
                String key = entry.getKey();
                double newErrors = entry.getValue() - before.get("errors").getOrDefault(key, 0.0);
                double requests = after.get("requests").getOrDefault(key, 0.0);
                if (requests <= 0) {
                    continue;
                }
                double rate = newErrors / requests;
                if (rate > worstRate) {
                    worstRate = rate;
                    worst = key;
                }
            }
            return worst;
        }
    }

    private static Map<String, Map<String, Double>> parse(String text) {
        Map<String, Map<String, Double>> maps = new HashMap<>();
        maps.put("requests", new HashMap<>());
        maps.put("errors", new HashMap<>());
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            maps.get(m.group(1)).put(m.group(2), Double.parseDouble(m.group(3)));
        }
        return maps;
    }
}
