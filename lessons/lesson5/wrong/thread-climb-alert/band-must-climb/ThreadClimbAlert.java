package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;

/**
 * Exercise {@code thread-climb-alert} (lesson 5): an alert rule for a steady thread climb that stays silent
 * while pools grow and shrink.
 */
public final class ThreadClimbAlert {

    private static final double ALERT_THREADS_PER_SECOND = 2;
    private static final int PARTS = 3;

    private ThreadClimbAlert() {}

    /**
     * Decides whether the watched service leaks threads.
     *
     * @param watched a stopped sampler that read the service several times a second for several
     *                seconds; each point carries the time it was read
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        List<Point> points = watched.series("jvm.thread.count").points();
        if (points.size() < 2 * PARTS) {
            return false;
        }
        Instant start = points.getFirst().time();
        long totalNanos = Duration.between(start, points.getLast().time()).toNanos();
        if (totalNanos <= 0) {
            return false;
        }

        // The band of each third of the window: its floor (pools at their smallest) and its peak.
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] peaks = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Point point : points) {
            long at = Duration.between(start, point.time()).toNanos();
            int part = (int) Math.min(PARTS - 1, at * PARTS / totalNanos);
            floors[part] = Math.min(floors[part], point.value());
            peaks[part] = Math.max(peaks[part], point.value());
        }
        for (double floor : floors) {
            if (Double.isInfinite(floor)) {
                return false;
            }
        }
        double partSeconds = totalNanos / 1e9 / PARTS;
        for (int i = 1; i < PARTS; i++) {
            if ((floors[i] - floors[i - 1]) / partSeconds < ALERT_THREADS_PER_SECOND / 2) {
                return false;
            }
            if (peaks[i] <= peaks[i - 1]) {
                return false;   // the band did not move up: a swing, not a climb
            }
        }
        return (floors[PARTS - 1] - floors[0]) / ((PARTS - 1) * partSeconds) > ALERT_THREADS_PER_SECOND;
    }
}
