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
 * Exercise {@code read-the-vars} (lesson 4): scrapes the Prometheus text twice, two seconds apart, and ranks the
 * endpoints by the errors they added per request they added: the error rate now, as PromQL's {@code rate()} would
 * compute it, where the totals since the start would still remember an incident that is over.
 */
public final class VarsReader {

    /** A sample of one of the two maps: {@code errors_total{key="cart"} 12.0}. */
    private static final Pattern SAMPLE = Pattern.compile("^(requests|errors)_total\\{key=\"([^\"]*)\"} (\\S+)$",
            Pattern.MULTILINE);
    private static final long WINDOW_MILLIS = 2_000;

    private VarsReader() {}

    /** Names the endpoint with the highest error rate now, or null when no endpoint served a request meanwhile. */
    public static String worstEndpoint(URI vars) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest scrape = HttpRequest.newBuilder(vars.resolve("metrics")).build();
            Counts before = Counts.of(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body());
            Thread.sleep(WINDOW_MILLIS);
            Counts after = Counts.of(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body());
            String worst = null;
            double worstRate = -1;
            for (String endpoint : after.requests.keySet()) {
                double requests = after.requests(endpoint) - before.requests(endpoint);
                if (requests > 0) {
                    double rate = (after.errors(endpoint) - before.errors(endpoint)) / requests;
                    if (rate > worstRate) {
                        worst = endpoint;
                        worstRate = rate;
                    }
                }
            }
            return worst;
        }
    }

    /** The two maps of one scrape, by endpoint. */
    private record Counts(Map<String, Double> requests, Map<String, Double> errors) {

        static Counts of(String text) {
            Counts counts = new Counts(new HashMap<>(), new HashMap<>());
            Matcher sample = SAMPLE.matcher(text);
            while (sample.find()) {
                (sample.group(1).equals("requests") ? counts.requests : counts.errors)
                        .put(sample.group(2), Double.parseDouble(sample.group(3)));
            }
            return counts;
        }

        double requests(String endpoint) {
            return requests.getOrDefault(endpoint, 0.0);
        }

        double errors(String endpoint) {
            return errors.getOrDefault(endpoint, 0.0);
        }
    }
}
