/*
 * Misconception: Safepoints.current() counts the safepoints caused by the calls I make, so counting in my own JVM around each burst of requests finds the culprit.
 * Why a learner would believe it: the lesson's measuring loop uses Safepoints.current(), and in the console the practice service runs in the lab JVM itself, where this gives exactly the right answer.
 * What is actually right: the safepoint happens in the JVM that serves the request; count it there with Safepoints.of(service), because the caller's JVM only sees its own collections.
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
             SafepointCounter counter = Safepoints.current()) {
            String culprit = null;
            double most = -1;
            for (String name : endpoints) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve(name)).GET().build();
                http.send(request, HttpResponse.BodyHandlers.discarding());   // warm up
                long before = counter.count();
                for (int i = 0; i < CALLS; i++) {
                    http.send(request, HttpResponse.BodyHandlers.discarding());
                }
                double perCall = (counter.count() - before) / (double) CALLS;
                if (perCall > most) {
                    most = perCall;
                    culprit = name;
                }
            }
            return culprit;
        }
    }
}
