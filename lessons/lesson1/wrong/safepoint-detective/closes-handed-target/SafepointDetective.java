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
        HttpClient client = HttpClient.newHttpClient();
        String culprit = null;
        long most = -1;
        // Release everything this investigation holds on the service when done: the counter's mapping
        // and the connection to its JVM.
        try (Target target = service; SafepointCounter counter = Safepoints.of(target)) {
            for (String name : endpoints) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve(name)).GET().build();
                client.send(request, HttpResponse.BodyHandlers.discarding());   // warm-up
                long before = counter.count();
                for (int i = 0; i < CALLS; i++) {
                    client.send(request, HttpResponse.BodyHandlers.discarding());
                }
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
