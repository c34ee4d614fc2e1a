// Wrong answer: names the endpoint with the longest mean latency (histogram sum over count), as if the slowest
// endpoint had to be the one that fails. Latency is not errors.
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

    private static final Pattern PART = Pattern.compile("^([a-z]+)_duration_seconds_(sum|count) (\\S+)$",
            Pattern.MULTILINE);

    private VarsReader() {}

    public static String worstEndpoint(URI vars) throws IOException, InterruptedException {
        String text;
        try (HttpClient http = HttpClient.newHttpClient()) {
            text = http.send(HttpRequest.newBuilder(vars.resolve("metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        Map<String, Double> sums = new HashMap<>();
        Map<String, Double> counts = new HashMap<>();
        Matcher part = PART.matcher(text);
        while (part.find()) {
            (part.group(2).equals("sum") ? sums : counts).put(part.group(1), Double.parseDouble(part.group(3)));
        }
        String slowest = null;
        double longest = -1;
        for (String endpoint : counts.keySet()) {
            double mean = sums.getOrDefault(endpoint, 0.0) / counts.get(endpoint);
            if (mean > longest) {
                slowest = endpoint;
                longest = mean;
            }
        }
        return slowest;
    }
}
