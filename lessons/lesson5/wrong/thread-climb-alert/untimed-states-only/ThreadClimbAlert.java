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
 * Exercise {@code thread-climb-alert} (lesson 5): an alert rule for a steady thread climb that stays silent
 * while pools grow and shrink.
 *
 * <p>Try it in the console first on {@code /demo start watched-service}. Check it with {@code /check} or
 * {@code ./workbench check thread-climb-alert}.
 */
public final class ThreadClimbAlert {

    private static final double ALERT_PACE = 2;

    private ThreadClimbAlert() {}

    /**
     * Decides whether the watched service leaks threads.
     *
     * @param watched a stopped sampler that read the service every 100 ms for several seconds
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        // A thread in TIMED_WAITING wakes up on its own when its time-out runs out (a sleeping task, an elastic
        // worker's keep-alive): it is churn, not a leak. Stuck threads wait with no end: WAITING or BLOCKED, and
        // whatever else is neither timed nor finished.
        List<Point> points = new ArrayList<>();
        for (Snapshot snapshot : watched.snapshots()) {
            Map<Attributes, Double> counts = snapshot.values("jvm.thread.count");
            if (counts.isEmpty()) {
                continue;
            }
            double stuck = 0;
            for (Map.Entry<Attributes, Double> entry : counts.entrySet()) {
                if (!"timed_waiting".equals(entry.getKey().get("jvm.thread.state"))) {
                    stuck += entry.getValue();
                }
            }
            points.add(new Point(snapshot.time(), stuck));
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
