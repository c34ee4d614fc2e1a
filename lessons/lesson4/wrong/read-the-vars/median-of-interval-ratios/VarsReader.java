package lesson4;

/*
 * Misconception: a median of per-second error ratios is a robust rate now, better than one division over the
 * window; but it weighs a second of ten requests like one of a hundred, so an endpoint whose requests come in
 * successful batches, failing the lone ones between, fails "everything" in most seconds.
 */

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

/** Exercise {@code read-the-vars} (lesson 4): names the endpoint that fails most often now. */
public final class VarsReader {

    private static final Pattern SAMPLE = Pattern.compile("^(requests|errors)_total\\{key=\"([^\"]*)\"} (\\S+)$",
            Pattern.MULTILINE);
    /** Five one-second intervals: a median of five is not thrown off by one odd second. */
    private static final int SCRAPES = 6;
    private static final long INTERVAL_MILLIS = 1_000;

    private VarsReader() {}

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
        Map<String, List<Double>> ratios = new HashMap<>();
        for (int i = 1; i < scrapes.size(); i++) {
            Map<String, double[]> before = scrapes.get(i - 1);
            for (Map.Entry<String, double[]> entry : scrapes.get(i).entrySet()) {
                double[] was = before.get(entry.getKey());
                double requests = was == null ? 0 : entry.getValue()[0] - was[0];
                if (requests > 0) {
                    ratios.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                            .add((entry.getValue()[1] - was[1]) / requests);
                }
            }
        }
        String worst = null;
        double worstMedian = -1;
        for (Map.Entry<String, List<Double>> entry : ratios.entrySet()) {
            List<Double> sorted = entry.getValue().stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            if (median > worstMedian) {
                worstMedian = median;
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
