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

    /** Threads a second the floor must gain: above the come and go of JMX and pool threads, below any leak. */
    private static final double THREADS_PER_SECOND = 2;
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
        List<Point> count = watched.series("jvm.thread.count").points();
        double[] floors = floors(count);
        double seconds = Duration.between(count.getFirst().time(), count.getLast().time()).toMillis() / 1000.0;
        double spanSeconds = seconds / PARTS;
        // "for:" the whole window: the floor rises in every part, at least at half the pace, not once.
        for (int i = 1; i < PARTS; i++) {
            if ((floors[i] - floors[i - 1]) / spanSeconds <= THREADS_PER_SECOND / 2) {
                return false;
            }
        }
        double perSecond = (floors[PARTS - 1] - floors[0]) / (seconds * (PARTS - 1) / PARTS);
        return perSecond > THREADS_PER_SECOND;
    }

    /** The smallest count in each of {@code PARTS} equal spans of time: when the pools are at their smallest. */
    private static double[] floors(List<Point> points) {
        Instant start = points.getFirst().time();
        long span = Duration.between(start, points.getLast().time()).toNanos() / PARTS + 1;
        double[] floors = new double[PARTS];
        Arrays.fill(floors, Double.POSITIVE_INFINITY);
        for (Point point : points) {
            int part = (int) (Duration.between(start, point.time()).toNanos() / span);
            floors[part] = Math.min(floors[part], point.value());
        }
        return floors;
    }
}
