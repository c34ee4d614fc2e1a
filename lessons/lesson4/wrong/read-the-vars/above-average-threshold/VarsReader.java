/*
 * Misconception: the failing endpoint is the first one whose error rate is well above the service's
 *   overall error rate (twice the average), as an alerting threshold would flag it.
 * Why a learner would believe it: "one endpoint fails far more often than the others", so any endpoint far
 *   above the average must be that one, and a threshold reads like what pages people.
 * What is actually right: the question is which endpoint has the highest error rate, a maximum over all
 *   endpoints, not the first (in key order) that crosses a threshold relative to the mean.
 */
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

public final class VarsReader {

    private static final Pattern SAMPLE = Pattern.compile("^(requests|errors)_total\\{key=\"([^\"]*)\"} (\\S+)$");

    private VarsReader() {}

    public static String worstEndpoint(URI vars) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String text = http.send(HttpRequest.newBuilder(vars.resolve("metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> requests = new TreeMap<>();
        Map<String, Double> errors = new TreeMap<>();
        for (String line : text.lines().toList()) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches()) {
                (m.group(1).equals("requests") ? requests : errors).put(m.group(2), Double.parseDouble(m.group(3)));
            }
        }
        double totalRequests = requests.values().stream().mapToDouble(Double::doubleValue).sum();
        double totalErrors = errors.values().stream().mapToDouble(Double::doubleValue).sum();
        if (totalRequests == 0) {
            return null;
        }
        double overall = totalErrors / totalRequests;
        String fallback = null;
        double fallbackRate = -1;
        for (Map.Entry<String, Double> e : requests.entrySet()) {
            double n = e.getValue();
            if (n == 0) {
                continue;
            }
            double rate = errors.getOrDefault(e.getKey(), 0.0) / n;
            // An outlier: failing at least twice as often as the service as a whole.
            if (rate >= 2 * overall) {
                return e.getKey();
            }
            if (rate > fallbackRate) {
                fallbackRate = rate;
                fallback = e.getKey();
            }
        }
        return fallback;
    }
}
