/*
 * Misconception: the culprit is the endpoint during whose calls the service spent the most time stopped, so compare the safepoint time (SafepointReading.totalTime) per endpoint.
 * Why a learner would believe it: time stopped is what hurts users, SafepointReading offers it right next to count(), and a duration feels more precise than a small integer.
 * What is actually right: one stray GC pause can outweigh twenty short stop-the-world operations (findDeadlockedThreads stops for microseconds); the signature of the culprit is the safepoint count, about one per call.
 */
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
            Duration longest = Duration.ofNanos(-1);
            for (String name : endpoints) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve(name)).GET().build();
                http.send(request, HttpResponse.BodyHandlers.discarding());   // warm up
                SafepointReading before = counter.read();
                for (int i = 0; i < CALLS; i++) {
                    http.send(request, HttpResponse.BodyHandlers.discarding());
                }
                Duration stopped = counter.read().minus(before).totalTime();
                if (stopped.compareTo(longest) > 0) {
                    longest = stopped;
                    culprit = name;
                }
            }
            return culprit;
        }
    }
}
