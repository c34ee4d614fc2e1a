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

    /** Enough calls that a stray GC safepoint cannot look like "one per call". */
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
             SafepointCounter safepoints = Safepoints.of(service)) {
            String culprit = null;
            double mostPerCall = -1;
            for (String name : endpoints) {
                URI uri = base.resolve(name);
                get(http, uri);
                long before = safepoints.count();
                for (int i = 0; i < CALLS; i++) {
                    get(http, uri);
                }
                double perCall = (safepoints.count() - before) / (double) CALLS;
                if (perCall > mostPerCall) {
                    mostPerCall = perCall;
                    culprit = name;
                }
            }
            return culprit;
        }
    }

    private static void get(HttpClient http, URI uri) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
    }
}
