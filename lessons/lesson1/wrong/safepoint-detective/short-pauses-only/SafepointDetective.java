package lesson1;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import workbench.diagnostics.safepoint.SafepointCounter;
import workbench.diagnostics.safepoint.SafepointReading;
import workbench.diagnostics.safepoint.Safepoints;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code safepoint-detective} (lesson 1): one endpoint of a service brings its JVM to a
 * safepoint on every call. Find it by measuring, not by guessing.
 *
 * <p>Try your approach in the console first: {@code /demo start safepoint-mystery}, then
 * {@code var mystery = (MysteryService) Demos.get("safepoint-mystery")} gives {@code mystery.base()} and
 * {@code mystery.endpoints()}; that service runs in the lab JVM itself, whose Target is
 * {@code Target.current()}. Check it with {@code /check} or {@code ./workbench check safepoint-detective}.
 */
public final class SafepointDetective {

    /** Calls per endpoint, after one warm-up call. */
    private static final int CALLS = 20;
    /** Several times the 0.4 ms a thread dump pauses for; a collection pauses longer. */
    private static final Duration LONGEST_READ_PAUSE = Duration.ofMillis(2);

    private SafepointDetective() {}

    /**
     * Names the endpoint whose every call stops the world in the service's JVM.
     *
     * @param service   the JVM that serves the endpoints
     * @param base      the service's base address; endpoint {@code name} answers GET at {@code base.resolve(name)}
     * @param endpoints the endpoint names
     */
    public static String stopsTheWorld(Target service, URI base, List<String> endpoints)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String culprit = null;
        double culpritPerCall = -1;
        String busiest = null;
        double busiestPerCall = -1;
        try (SafepointCounter counter = Safepoints.of(service)) {   // count in the service's JVM
            for (String name : endpoints) {
                URI uri = base.resolve(name);
                get(http, uri);   // warm-up
                SafepointReading before = counter.read();
                for (int i = 0; i < CALLS; i++) {
                    get(http, uri);
                }
                SafepointReading burst = counter.read().minus(before);
                double perCall = burst.count() / (double) CALLS;
                if (perCall > busiestPerCall) {
                    busiestPerCall = perCall;
                    busiest = name;
                }
                if (burst.count() == 0) {
                    continue;
                }
                Duration averagePause = burst.totalTime().dividedBy(burst.count());
                // Long pauses are collections, which any allocating endpoint brings; a runtime read pauses briefly.
                boolean readLike = averagePause.compareTo(LONGEST_READ_PAUSE) <= 0;
                if (readLike && perCall > culpritPerCall) {
                    culpritPerCall = perCall;
                    culprit = name;
                }
            }
        }
        return culprit != null ? culprit : busiest;
    }

    private static void get(HttpClient http, URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
    }
}
