package lesson5;

/*
 * Misconception: the climb is judged by how many threads the floor gained over the window (a count), not by how
 * fast it gained them, so the rule only means something for one window length.
 */

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.sampling.TimeSeries;

/**
 * Exercise {@code thread-climb-alert} (lesson 5): an alert rule for a steady thread climb that stays silent
 * while pools grow and shrink.
 *
 * <p>Try it in the console first on {@code /demo start watched-service}. Check it with {@code /check} or
 * {@code ./workbench check thread-climb-alert}.
 */
public final class ThreadClimbAlert {

    /** Three parts of the window, as the ten-minute floors of an hour. */
    private static final int PARTS = 3;

    private ThreadClimbAlert() {}

    /** A leak adds at least this many threads between the first and the last part of the window. */
    private static final double ALERT_THREADS = 10;
    /** And at least this many from each part to the next: a pool resized once rises in one step only. */
    private static final double ALERT_THREADS_PER_STEP = 3;

    /**
     * Decides whether the watched service leaks threads.
     *
     * @param watched a stopped sampler that read the service several times a second for several
     *                seconds; each point carries the time it was read
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        // Every live thread, whatever its state: a stuck thread may wait, poll or block.
        TimeSeries threads = watched.series("jvm.thread.count");
        List<Point> points = threads.points();
        if (points.size() < 2 * PARTS) {
            return false;
        }
        Instant from = points.getFirst().time();
        double span = seconds(from, points.getLast().time()) / PARTS;
        if (span <= 0) {
            return false;
        }
        // The floor of each part: pools shrink back between bursts, a leak raises the floor every time.
        double[] floors = floors(points, from, span);
        if (floors == null) {
            return false;
        }
        for (int i = 1; i < PARTS; i++) {
            if (floors[i] - floors[i - 1] < ALERT_THREADS_PER_STEP) {
                return false;
            }
        }
        return floors[PARTS - 1] - floors[0] >= ALERT_THREADS;
    }

    /** The smallest value in each of {@code PARTS} equal spans of time, or null when a span has no point. */
    private static double[] floors(List<Point> points, Instant from, double span) {
        double[] floors = new double[PARTS];
        Arrays.fill(floors, Double.POSITIVE_INFINITY);
        for (Point point : points) {
            int part = Math.min(PARTS - 1, (int) (seconds(from, point.time()) / span));
            floors[part] = Math.min(floors[part], point.value());
        }
        for (double floor : floors) {
            if (Double.isInfinite(floor)) {
                return null;
            }
        }
        return floors;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
