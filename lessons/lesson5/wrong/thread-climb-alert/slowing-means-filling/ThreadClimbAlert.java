package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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

    /** The pace we alert on, in threads a second. */
    private static final double ALERT_PACE = 2.0;
    /**
     * How much slower the last step may be than the first before the climb counts as levelling off: a pool that
     * fills towards its maximum slows down as it gets there; a leak keeps going.
     */
    private static final double LEVELLING_OFF = 0.7;
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
        double window = seconds(start, points.getLast().time());
        if (window <= 0) {
            return false;
        }
        double part = window / PARTS;

        double[] floors = new double[PARTS];
        Arrays.fill(floors, Double.POSITIVE_INFINITY);
        for (Point point : points) {
            int index = (int) Math.min(PARTS - 1, seconds(start, point.time()) / part);
            floors[index] = Math.min(floors[index], point.value());
        }
        for (double floor : floors) {
            if (Double.isInfinite(floor)) {
                return false;
            }
        }

        double[] steps = new double[PARTS - 1];
        for (int i = 1; i < PARTS; i++) {
            steps[i - 1] = (floors[i] - floors[i - 1]) / part;
            if (steps[i - 1] < ALERT_PACE / 2) {
                return false;
            }
        }
        // A climb that loses speed is a pool nearing its maximum, not a leak.
        if (steps[steps.length - 1] < LEVELLING_OFF * steps[0]) {
            return false;
        }
        double pace = (floors[PARTS - 1] - floors[0]) / ((PARTS - 1) * part);
        return pace > ALERT_PACE;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
