// Wrong answer: names the endpoint with the most errors. The busiest endpoint has the most errors and a low
// error rate; a count is not a rate.
package lesson4;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class VarsReader {

    private static final Pattern ERRORS = Pattern.compile("^errors_total\\{key=\"([^\"]*)\"} (\\S+)$",
            Pattern.MULTILINE);

    private VarsReader() {}

    public static String worstEndpoint(URI vars) throws IOException, InterruptedException {
        String text;
        try (HttpClient http = HttpClient.newHttpClient()) {
            text = http.send(HttpRequest.newBuilder(vars.resolve("metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        String worst = null;
        double most = -1;
        Matcher sample = ERRORS.matcher(text);
        while (sample.find()) {
            double errors = Double.parseDouble(sample.group(2));
            if (errors > most) {
                worst = sample.group(1);
                most = errors;
            }
        }
        return worst;
    }
}
