/*
 * Misconception: the endpoint that fails most often is the one with the least traffic, because the busy
 *   endpoints are "healthy enough" to serve most of the requests, so fewest requests stands in for the error rate.
 * Why a learner would believe it: on every storefront they start, the quietest endpoint is the one whose
 *   errors look disproportionate, and counting requests needs only one of the two maps.
 * What is actually right: divide each endpoint's errors by its requests and take the largest ratio;
 *   traffic volume says nothing about how often a request fails.
 */
package lesson4;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class VarsReader {

    private static final Pattern SAMPLE = Pattern.compile("^(requests|errors)_total\\{key=\"([^\"]*)\"} (\\S+)$");

    private VarsReader() {}

    public static String worstEndpoint(URI vars) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String text = http.send(HttpRequest.newBuilder(vars.resolve("metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> requests = new LinkedHashMap<>();
        Map<String, Double> errors = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            double value = Double.parseDouble(m.group(3));
            (m.group(1).equals("requests") ? requests : errors).put(m.group(2), value);
        }
        // The endpoint nobody can keep up with: the one that got through the fewest requests.
        String worst = null;
        double fewest = Double.MAX_VALUE;
        for (Map.Entry<String, Double> e : requests.entrySet()) {
            if (e.getValue() > 0 && e.getValue() < fewest) {
                fewest = e.getValue();
                worst = e.getKey();
            }
        }
        return worst;
    }
}
