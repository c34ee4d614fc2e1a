package lesson5;

/*
 * Misconception: "for the whole window" asks only that the floor rise in every part, by any amount, while the
 * pace is judged once, from the first floor to the last; so a slow rise in every part and one step in the middle
 * add up to a climb.
 */

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

    /** Threads a second the floor must gain, first part to last, to be a leak rather than a pool filling up. */
    private static final double ALERT_THREADS_PER_SECOND = 2.0;

    private ThreadClimbAlert() {}

    /**
     * Decides whether the watched service leaks threads.
     *
     * @param watched a stopped sampler that read the service several times a second for several
     *                seconds; each point carries the time it was read
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        // Every thread, whatever its state: a leaked one may wait, poll with a time-out or be blocked.
        TimeSeries threads = watched.series("jvm.thread.count");
        List<Point> points = threads.points();
        if (points.size() < 6) {
            return false;
        }
        Instant start = points.getFirst().time();
        long third = Duration.between(start, points.getLast().time()).toNanos() / 3;
        if (third <= 0) {
            return false;
        }
        // The floor of each third: the count when the pools are at their smallest.
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (Point point : points) {
            int part = (int) Math.min(2, Duration.between(start, point.time()).toNanos() / third);
            floors[part] = Math.min(floors[part], point.value());
        }
        // "For a duration": the climb must hold in every part. Threads come in whole numbers, so a floor that
        // climbs has at least one more thread than the floor before it; a level shift leaves two floors equal.
        for (int i = 1; i < floors.length; i++) {
            if (floors[i] < floors[i - 1] + 1) {
                return false;
            }
        }
        // And it must be fast: the floors' pace, first part to last, above what a pool filling up reaches.
        double pace = (floors[2] - floors[0]) / (2 * third / 1e9);
        return pace > ALERT_THREADS_PER_SECOND;
    }
}
