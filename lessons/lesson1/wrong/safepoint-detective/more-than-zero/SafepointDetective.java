/*
 * Misconception: an endpoint that stops the world shows it at once, so the first endpoint whose calls raise the service's safepoint count at all is the culprit.
 * Why a learner would believe it: with the right counter in the service's JVM the cheap endpoints usually read exactly 0, so "more than zero" looks like a clean, fast yes/no test that also stops early.
 * What is actually right: a collection can add a stray safepoint to any endpoint; call each one a fixed number of times and compare safepoints per call, looking for about one per call rather than for any non-zero count.
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

    private static final int CALLS = 3;

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
            String best = null;
            long most = -1;
            for (String name : endpoints) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve(name)).GET().build();
                long before = counter.count();
                for (int i = 0; i < CALLS; i++) {
                    http.send(request, HttpResponse.BodyHandlers.discarding());
                }
                long stops = counter.count() - before;
                if (stops > 0) {
                    return name;   // the other endpoints never bring the service to a safepoint
                }
                if (stops > most) {
                    most = stops;
                    best = name;
                }
            }
            return best;
        }
    }
}
