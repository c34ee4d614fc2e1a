package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    /**
     * Services differ in their usual count (a dozen threads or a hundred and fifty), so the pace is measured
     * against the service's own floor: a climb of 5% of it a second.
     */
    private static final double ALERT_SHARE_PER_SECOND = 0.05;

    private ThreadClimbAlert() {}

    /**
     * Decides whether the watched service leaks threads.
     *
     * @param watched a stopped sampler that read the service every 100 ms for several seconds
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        TimeSeries threads = watched.series("jvm.thread.count");
        List<Point> points = threads.points();
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
        if (floors[0] <= 0) {
            return false;
        }
        double alertPace = ALERT_SHARE_PER_SECOND * floors[0];
        for (int i = 1; i < 3; i++) {
            if ((floors[i] - floors[i - 1]) / span < alertPace / 2) {
                return false;
            }
        }
        return (floors[2] - floors[0]) / (2 * span) > alertPace;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
