/*
 * Misconception: The thread count's floor at the start of the window against its floor at the end is the whole
 *   rule; if the end's floor is higher at more than the alert pace, threads are climbing.
 * Why a learner would believe it: Floors already drop every burst of the elastic pool, and the threshold is on the
 *   first-to-last pace, so checking the middle of the window seems to add nothing.
 * What is actually right: A steady climb must hold for a duration (for:): every part of the window must rise on the
 *   one before, or a single lasting step (a pool resized once, workers that happen to linger at the end) pages as if
 *   threads leaked steadily.
 */
package lesson5;

import java.time.Duration;
import java.time.Instant;
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

    private static final double THREADS_PER_SECOND = 2.0;

    private ThreadClimbAlert() {}

    /**
     * Decides whether the watched service leaks threads.
     *
     * @param watched a stopped sampler that read the service every 100 ms for several seconds
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        List<Point> points = watched.series("jvm.thread.count").points();
        if (points.size() < 6) {
            return false;
        }
        Instant start = points.getFirst().time();
        double seconds = Duration.between(start, points.getLast().time()).toNanos() / 1e9;
        if (seconds <= 0) {
            return false;
        }
        // The count when the pools are at their smallest, early and late in the window.
        double firstFloor = Double.POSITIVE_INFINITY;
        double lastFloor = Double.POSITIVE_INFINITY;
        for (Point point : points) {
            double t = Duration.between(start, point.time()).toNanos() / 1e9;
            if (t < seconds / 3) {
                firstFloor = Math.min(firstFloor, point.value());
            } else if (t >= 2 * seconds / 3) {
                lastFloor = Math.min(lastFloor, point.value());
            }
        }
        return (lastFloor - firstFloor) / (2 * seconds / 3) > THREADS_PER_SECOND;
    }
}
