package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;

/**
 * Exercise {@code thread-climb-alert} (lesson 5): an alert rule for a steady thread climb that stays silent
 * while pools grow and shrink.
 */
public final class ThreadClimbAlert {

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
        // Stuck threads pile up in the state they are stuck in: watch every state, and fire when one climbs.
        for (Thread.State state : Thread.State.values()) {
            List<Point> points = watched.series("jvm.thread.count",
                    Attributes.of("jvm.thread.state", state.name().toLowerCase(Locale.ROOT))).points();
            if (points.size() > PARTS && climbs(points)) {
                return true;
            }
        }
        return false;
    }

    private static boolean climbs(List<Point> points) {
        Instant start = points.getFirst().time();
        double seconds = Duration.between(start, points.getLast().time()).toMillis() / 1000.0;
        long span = Duration.between(start, points.getLast().time()).toNanos() / PARTS + 1;
        double[] floors = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (Point point : points) {
            int part = (int) (Duration.between(start, point.time()).toNanos() / span);
            floors[part] = Math.min(floors[part], point.value());
        }
        for (int i = 1; i < PARTS; i++) {
            if ((floors[i] - floors[i - 1]) / (seconds / PARTS) <= THREADS_PER_SECOND / 2) {
                return false;
            }
        }
        return (floors[PARTS - 1] - floors[0]) / (seconds * (PARTS - 1) / PARTS) > THREADS_PER_SECOND;
    }
}
