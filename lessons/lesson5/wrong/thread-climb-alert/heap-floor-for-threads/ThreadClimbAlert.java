/*
 * Misconception: Every leaked thread keeps its stack and whatever it references alive, so a thread leak shows up as
 *   a growing live set, and the heap's floors are a steadier signal than the jumpy thread count.
 * Why a learner would believe it: In the demo the leaking run's stuck threads and its live set climb together, and
 *   the lesson says "the floor is the signal, as it was for the heap", which reads as if one rule covers both.
 * What is actually right: Thread stacks live outside the heap and a stuck thread may reference almost nothing;
 *   the thread climb rule watches the floor of jvm.thread.count itself.
 */
package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import workbench.diagnostics.metrics.Attributes;
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

    private static final double MB = 1 << 20;
    /** Live-set growth that leaked threads and what they hold would cause. */
    private static final double PACE_MB_PER_SECOND = 2.5;

    private ThreadClimbAlert() {}

    /**
     * Decides whether the watched service leaks threads.
     *
     * @param watched a stopped sampler that read the service every 100 ms for several seconds
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        // The pools' bursts make the count jump by dozens; what leaked threads keep shows in the live set's floor.
        List<Point> points = watched.series("jvm.memory.used_after_last_gc",
                Attributes.of("jvm.memory.type", "heap")).points();
        if (points.size() < 6) {
            return false;
        }
        Instant start = points.getFirst().time();
        double seconds = Duration.between(start, points.getLast().time()).toNanos() / 1e9;
        if (seconds <= 0) {
            return false;
        }
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (Point point : points) {
            double t = Duration.between(start, point.time()).toNanos() / 1e9;
            int span = Math.min(2, (int) (3 * t / seconds));
            floors[span] = Math.min(floors[span], point.value());
        }
        double spanSeconds = seconds / 3;
        for (int i = 1; i < 3; i++) {
            if ((floors[i] - floors[i - 1]) / spanSeconds / MB < PACE_MB_PER_SECOND / 2) {
                return false;
            }
        }
        return (floors[2] - floors[0]) / (2 * spanSeconds) / MB > PACE_MB_PER_SECOND;
    }
}
