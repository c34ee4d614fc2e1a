// Wrong answer: divides errors by requests from a single scrape. That is the error rate since the service started,
// which still remembers an incident that is over; what pages people is the rate now, from two scrapes.
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
 * Exercise {@code read-the-vars} (lesson 4): scrapes the Prometheus text once and ranks the endpoints by
 * errors per request.
 */
public final class VarsReader {

    /** A sample of one of the two maps: {@code errors_total{key="cart"} 12.0}. */
    private static final Pattern SAMPLE = Pattern.compile("^(requests|errors)_total\\{key=\"([^\"]*)\"} (\\S+)$",
            Pattern.MULTILINE);

    private VarsReader() {}

    /** Names the endpoint with the highest error rate, or null when the service published no requests. */
    public static String worstEndpoint(URI vars) throws IOException, InterruptedException {
        String text;
        try (HttpClient http = HttpClient.newHttpClient()) {
            text = http.send(HttpRequest.newBuilder(vars.resolve("metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        Map<String, Double> requests = new HashMap<>();
        Map<String, Double> errors = new HashMap<>();
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            (sample.group(1).equals("requests") ? requests : errors)
                    .put(sample.group(2), Double.parseDouble(sample.group(3)));
        }
        String worst = null;
        double worstRate = -1;
        for (Map.Entry<String, Double> endpoint : requests.entrySet()) {
            if (endpoint.getValue() > 0) {
                double rate = errors.getOrDefault(endpoint.getKey(), 0.0) / endpoint.getValue();
                if (rate > worstRate) {
                    worst = endpoint.getKey();
                    worstRate = rate;
                }
            }
        }
        return worst;
    }
}
