package lesson1;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
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

    /** Odd, so that the median is one of the calls. */
    private static final int CALLS = 21;

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
        HttpClient client = HttpClient.newHttpClient();
        String culprit = null;
        long bestMedian = -1;
        // The service's own counter: reading it stops nothing. Closing it leaves the target open.
        try (SafepointCounter counter = Safepoints.of(service)) {
            for (String name : endpoints) {
                URI uri = base.resolve(name);
                call(client, uri);   // warm-up
                long[] perCall = new long[CALLS];
                for (int i = 0; i < CALLS; i++) {
                    long before = counter.count();
                    call(client, uri);
                    perCall[i] = counter.count() - before;
                }
                // The typical call: a collection burst or a watchdog dump in a few calls does not move it.
                Arrays.sort(perCall);
                long median = perCall[CALLS / 2];
                if (median > bestMedian) {
                    bestMedian = median;
                    culprit = name;
                }
            }
        }
        return culprit;
    }

    private static void call(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        client.send(request, HttpResponse.BodyHandlers.discarding());
    }
}
