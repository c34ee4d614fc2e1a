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
        String culprit = null;
        long most = -1;
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             SafepointCounter counter = Safepoints.of(service)) {
            for (String name : endpoints) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve(name)).GET().build();
                long before = counter.count();
                http.send(request, HttpResponse.BodyHandlers.ofString());
                long safepoints = counter.count() - before;
                if (safepoints > most) {
                    most = safepoints;
                    culprit = name;
                }
            }
        }
        return culprit;
    }
}
