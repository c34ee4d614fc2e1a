package lesson1;

import java.io.IOException;
import java.net.URI;
import java.util.List;
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
        // TODO: call each endpoint a number of times (java.net.http.HttpClient) and measure what those calls
        //  cost the service's JVM (lesson 1, "What stops the world"). Return the name of the culprit.
        return null;
    }
}
