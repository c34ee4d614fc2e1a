package lesson1;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import workbench.diagnostics.safepoint.SafepointCounter;
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
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String roundest = null;
        double roundestDistance = Double.MAX_VALUE;
        String busiest = null;
        double busiestPerCall = -1;
        // The service's counter, not ours; the target stays open for whoever handed it to us.
        try (SafepointCounter counter = Safepoints.of(service)) {
            for (String name : endpoints) {
                URI uri = base.resolve(name);
                get(http, uri);   // warm-up: connection, class loading, first-call effects
                long before = counter.count();
                for (int i = 0; i < CALLS; i++) {
                    get(http, uri);
                }
                double perCall = (counter.count() - before) / (double) CALLS;
                if (perCall > busiestPerCall) {
                    busiestPerCall = perCall;
                    busiest = name;
                }
                // A read that stops the world does so a whole number of times per call (once, or once per read);
                // collections every few calls and the watchdog's occasional dump only add a fraction on top.
                long reads = Math.round(perCall);
                if (reads >= 1) {
                    double distance = Math.abs(perCall - reads);
                    if (distance < roundestDistance) {
                        roundestDistance = distance;
                        roundest = name;
                    }
                }
            }
        }
        // Nothing reached one per call (should not happen): fall back to the busiest endpoint.
        return roundest != null ? roundest : busiest;
    }

    private static void get(HttpClient http, URI uri) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
    }
}
