/*
 * Misconception: "the busiest endpoint usually has the most errors" means the answer is the endpoint with
 *   the most errors once the busiest one is set aside.
 * Why a learner would believe it: the lesson warns exactly that the busiest endpoint wins on error count,
 *   and removing it and taking the next one by errors gives the right name on the demo every time.
 * What is actually right: compare errors divided by requests for every endpoint; excluding one proxy
 *   and keeping another (the error count) is still not an error rate.
 */
package lesson4;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class VarsReader {

    private static final Pattern SAMPLE = Pattern.compile("^(requests|errors)_total\\{key=\"([^\"]*)\"} (\\S+)$");

    private VarsReader() {}

    public static String worstEndpoint(URI vars) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String text = http.send(HttpRequest.newBuilder(vars.resolve("metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> requests = new HashMap<>();
        Map<String, Double> errors = new HashMap<>();
        text.lines().forEach(line -> {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches()) {
                (m.group(1).equals("requests") ? requests : errors).put(m.group(2), Double.parseDouble(m.group(3)));
            }
        });
        if (requests.isEmpty()) {
            return null;
        }
        // The busiest endpoint fails "a little of a lot": it is never the one that fails most often.
        String busiest = requests.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return errors.entrySet().stream()
                .filter(e -> !e.getKey().equals(busiest))
                .max(Comparator.comparingDouble((Map.Entry<String, Double> e) -> e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .orElse(busiest);
    }
}
