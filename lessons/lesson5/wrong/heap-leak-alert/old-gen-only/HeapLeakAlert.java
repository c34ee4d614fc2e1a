package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;

/**
 * Exercise {@code heap-leak-alert} (lesson 5): an alert rule for a heap leak that stays silent on healthy noise.
 *
 * <p>Try it in the console first on {@code /demo start watched-service}. Check it with {@code /check} or
 * {@code ./workbench check heap-leak-alert}.
 */
public final class HeapLeakAlert {

    private static final double MB = 1 << 20;
    /** The pace to alert on: a leak fills an old generation far faster than a cache warms up. */
    private static final double ALERT_PACE = 2.5 * MB;

    private HeapLeakAlert() {}

    /**
     * Decides whether the watched service leaks heap.
     *
     * @param watched a stopped sampler that read the service every 100 ms for several seconds
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        // What leaks ends up in the old generation: the young pools' live set is only what was in flight at the last
        // young collection, so watch the old pool's live set (PS Old Gen, G1 Old Gen, Tenured Gen, ZGC Old Generation).
        List<Point> points = new ArrayList<>();
        for (Snapshot snapshot : watched.snapshots()) {
            double old = 0;
            boolean found = false;
            for (Map.Entry<Attributes, Double> entry : snapshot.values("jvm.memory.used_after_last_gc").entrySet()) {
                String pool = entry.getKey().get("jvm.memory.pool.name");
                if (pool != null && (pool.contains("Old") || pool.contains("Tenured"))
                        && !Double.isNaN(entry.getValue())) {
                    old += entry.getValue();
                    found = true;
                }
            }
            if (found) {
                points.add(new Point(snapshot.time(), old));
            }
        }
        if (points.size() < 6) {
            return false;
        }
        Instant start = points.getFirst().time();
        double span = seconds(start, points.getLast().time()) / 3;
        if (span <= 0) {
            return false;
        }
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (Point point : points) {
            int part = Math.min(2, (int) (seconds(start, point.time()) / span));
            floors[part] = Math.min(floors[part], point.value());
        }
        for (int i = 1; i < 3; i++) {
            if ((floors[i] - floors[i - 1]) / span < ALERT_PACE / 2) {
                return false;
            }
        }
        return (floors[2] - floors[0]) / (2 * span) > ALERT_PACE;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
