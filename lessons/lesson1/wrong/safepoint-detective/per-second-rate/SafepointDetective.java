/*
 * Misconception: the right comparison is a safepoint rate per second of calling each endpoint, since a raw count over a burst is not a rate.
 * Why a learner would believe it: the lesson insists on rates from differences of counters (CPU seconds per second, bytes per second), and safepoints per second is what a dashboard of the service would show.
 * What is actually right: the signature of the culprit is safepoints per call (about 1.0); dividing by wall time favours fast endpoints, so one stray GC during a burst of cheap 1 ms calls outranks a culprit whose calls are slow (a full dump on a big heap).
 */
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
 */
public final class SafepointDetective {

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
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             SafepointCounter counter = Safepoints.of(service)) {
            String culprit = null;
            double highestRate = -1;
            for (String name : endpoints) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve(name)).GET().build();
                http.send(request, HttpResponse.BodyHandlers.discarding());   // warm up
                long before = counter.count();
                long start = System.nanoTime();
                for (int i = 0; i < CALLS; i++) {
                    http.send(request, HttpResponse.BodyHandlers.discarding());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double perSecond = (counter.count() - before) / seconds;   // safepoints per second of traffic
                if (perSecond > highestRate) {
                    highestRate = perSecond;
                    culprit = name;
                }
            }
            return culprit;
        }
    }
}
