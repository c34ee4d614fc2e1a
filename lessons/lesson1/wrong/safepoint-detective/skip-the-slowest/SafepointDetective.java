/*
 * Misconception: the exercise says one decoy is slower than the culprit, so the stop-the-world endpoint is the second slowest: time them all, drop the slowest, take the next.
 * Why a learner would believe it: in the practice demo a full thread dump is clearly the slowest runtime read, right behind the busy-work decoy, so ranking by latency and skipping the decoy gives the right name there.
 * What is actually right: latency does not tell you whether a call stops the world (findDeadlockedThreads is fast and stops everyone, getProcessCpuLoad is slow and stops no one); only the service's safepoint count per call does.
 */
package lesson1;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, Long> medianNanos = new LinkedHashMap<>();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (String name : endpoints) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve(name)).GET().build();
                http.send(request, HttpResponse.BodyHandlers.discarding());   // warm up
                long[] took = new long[CALLS];
                for (int i = 0; i < CALLS; i++) {
                    long start = System.nanoTime();
                    http.send(request, HttpResponse.BodyHandlers.discarding());
                    took[i] = System.nanoTime() - start;
                }
                java.util.Arrays.sort(took);
                medianNanos.put(name, took[CALLS / 2]);   // the median ignores a stray GC pause
            }
        }
        List<String> bySlowest = new ArrayList<>(medianNanos.keySet());
        bySlowest.sort(Comparator.comparing(medianNanos::get, Comparator.reverseOrder()));
        // The slowest is the busy-work decoy, which never stops the world; the culprit comes right after it.
        return bySlowest.size() > 1 ? bySlowest.get(1) : bySlowest.get(0);
    }
}
