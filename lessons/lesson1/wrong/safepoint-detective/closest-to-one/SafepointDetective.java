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
        // The culprit stops the world once per call, so its safepoints per call sit near 1.0; decoys that
        // collect now and then or share the watchdog's dumps land elsewhere. Keep the one nearest to 1.0.
        final int calls = 20;
        HttpClient client = HttpClient.newHttpClient();
        try (SafepointCounter counter = Safepoints.of(service)) {
            String culprit = null;
            double bestDistance = Double.MAX_VALUE;
            for (String name : endpoints) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve(name)).GET().build();
                client.send(request, HttpResponse.BodyHandlers.discarding());   // warm up
                long before = counter.count();
                for (int i = 0; i < calls; i++) {
                    client.send(request, HttpResponse.BodyHandlers.discarding());
                }
                double perCall = (counter.count() - before) / (double) calls;
                double distance = Math.abs(perCall - 1.0);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    culprit = name;
                }
            }
            return culprit;
        }
    }
}
