package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;

/**
 * Exercise {@code thread-climb-alert} (lesson 5): an alert rule for a steady thread climb that stays silent
 * while pools grow and shrink.
 */
public final class ThreadClimbAlert {

    /** Growth of the thread floor that counts as a leak: a pool warming up adds far fewer than this. */
    private static final double THREADS_PER_SECOND = 2.0;
    private static final int PARTS = 3;

    private ThreadClimbAlert() {}

    /**
     * Decides whether the watched service leaks threads.
     *
     * @param watched a stopped sampler that read the service every 100 ms for several seconds
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        // Count the application's own threads in every state. Daemon threads are the JVM's and the libraries'
        // housekeeping (GC helpers, JMX, the sampler's own reader), which come and go with no leak, so leave them out.
        List<Point> threads = watched.series("jvm.thread.count",
                Attributes.of("jvm.thread.daemon", "false")).points();
        if (threads.size() < PARTS * 2) {
            return false;
        }
        double[] floors = floors(threads);
        double seconds = Duration.between(threads.getFirst().time(), threads.getLast().time()).toMillis() / 1000.0;
        double spanSeconds = seconds / PARTS;
        for (int i = 1; i < PARTS; i++) {
            if ((floors[i] - floors[i - 1]) / spanSeconds < THREADS_PER_SECOND / 2) {
                return false;
            }
        }
        double perSecond = (floors[PARTS - 1] - floors[0]) / (spanSeconds * (PARTS - 1));
        return perSecond > THREADS_PER_SECOND;
    }

    /** The smallest count in each of {@code PARTS} equal spans of time: where the pools are at their smallest. */
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
