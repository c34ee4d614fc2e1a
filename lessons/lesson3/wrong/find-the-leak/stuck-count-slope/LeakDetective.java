package lesson3;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.Grouping;
import workbench.diagnostics.threads.LeakFinder;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Exercise {@code find-the-leak} (lesson 3): one pool of a service leaks threads; the others only look busy.
 *
 * <p>Try it in the console first on {@code /demo start leaky-threads} with {@code Target.current()}.
 * Check it with {@code /check} or {@code ./workbench check find-the-leak}.
 */
public final class LeakDetective {

    private LeakDetective() {}

    /**
     * Names the pool that leaks threads.
     *
     * @param target the JVM of the service
     * @return the pool key, as the library writes it ({@code orders-worker-*}), or null if nothing leaks
     */
    public static String leakingPool(Target target) throws InterruptedException {
        List<ThreadSnapshot> series = LeakFinder.watch(() -> ThreadSnapshots.of(target, 0), 12,
                Duration.ofMillis(300));
        // The total misleads, and so does a pool's size; what matters is threads stuck without a time limit
        // (WAITING or BLOCKED). Count those per pool in every snapshot and fit a line through the counts:
        // a leaking pool's stuck threads keep rising, a healthy pool's come and go.
        Set<String> pools = new HashSet<>();
        series.forEach(snapshot -> pools.addAll(snapshot.groupBy(Grouping.POOL).keySet()));
        double start = series.getFirst().taken().toEpochMilli();
        String worst = null;
        double worstSlope = 0;
        for (String pool : pools) {
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            int n = series.size();
            for (ThreadSnapshot snapshot : series) {
                double x = (snapshot.taken().toEpochMilli() - start) / 1000.0;
                double y = stuckIn(snapshot, pool);
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
            }
            double denominator = n * sxx - sx * sx;
            double slope = denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;  // stuck threads per second
            if (slope > worstSlope) {
                worstSlope = slope;
                worst = pool;
            }
        }
        // A leak adds a stuck thread every few hundred ms: ask for at least one more per second.
        return worstSlope >= 1.0 ? worst : null;
    }

    private static int stuckIn(ThreadSnapshot snapshot, String pool) {
        int stuck = 0;
        for (ThreadRecord thread : snapshot.threads()) {
            if (thread.waitsIndefinitely() && thread.pool().equals(pool)) {
                stuck++;
            }
        }
        return stuck;
    }
}
