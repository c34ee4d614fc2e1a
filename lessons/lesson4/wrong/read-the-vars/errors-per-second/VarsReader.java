/*
 * Misconception: "error rate" means errors per second, as PromQL's rate() computes it, so the answer is the
 *   endpoint whose errors counter grows fastest between two scrapes.
 * Why a learner would believe it: the lesson says to scrape twice and divide the differences, and rate()
 *   in PromQL is literally the per-second increase of a counter.
 * What is actually right: the error rate of an endpoint is its errors divided by its requests (a share of
 *   its requests that fail), which per-second growth of errors alone cannot give; the busiest endpoint has
 *   the most errors per second.
 */
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

public final class VarsReader {

    private static final Pattern ERRORS = Pattern.compile("^errors_total\\{key=\"([^\"]*)\"} (\\S+)$");
    private static final long WINDOW_MILLIS = 1_000;

    private VarsReader() {}

    public static String worstEndpoint(URI vars) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest scrape = HttpRequest.newBuilder(vars.resolve("metrics")).build();
        long t0 = System.nanoTime();
        Map<String, Double> first = errors(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body());
        Thread.sleep(WINDOW_MILLIS);
        long t1 = System.nanoTime();
        Map<String, Double> second = errors(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body());
        double seconds = (t1 - t0) / 1e9;

        String worst = null;
        double worstRate = 0;
        for (Map.Entry<String, Double> e : second.entrySet()) {
            double perSecond = (e.getValue() - first.getOrDefault(e.getKey(), 0.0)) / seconds;
            if (perSecond > worstRate) {
                worstRate = perSecond;
                worst = e.getKey();
            }
        }
        if (worst == null) {
            // No errors in the window: fall back to the counters since start (rate over the whole uptime).
            double most = -1;
            for (Map.Entry<String, Double> e : second.entrySet()) {
                if (e.getValue() > most) {
                    most = e.getValue();
                    worst = e.getKey();
                }
            }
        }
        return worst;
    }

    private static Map<String, Double> errors(String text) {
        Map<String, Double> out = new HashMap<>();
        for (String line : text.lines().toList()) {
            Matcher m = ERRORS.matcher(line);
            if (m.matches()) {
                out.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return out;
    }
}
