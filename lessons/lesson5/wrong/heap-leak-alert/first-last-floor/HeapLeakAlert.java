/*
 * Misconception: Comparing the live set's floor at the start of the window with its floor at the end is enough;
 *   if the end is higher by more than the alert pace, the live set is growing.
 * Why a learner would believe it: The floors already drop the spikes, and "first-to-last pace" is what the rule
 *   thresholds, so checking the middle of the window looks redundant.
 * What is actually right: The condition must hold for a duration (Prometheus' for:): every part of the window must
 *   rise on the one before, otherwise a single step (a cache loaded once, a burst caught in the last span's
 *   collections) fires the alert as if it were a steady leak.
 */
package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;

/**
 * Exercise {@code heap-leak-alert} (lesson 5): an alert rule for a heap leak that stays silent on healthy noise.
 *
 * <p>Try it in the console first on {@code /demo start watched-service}. Check it with {@code /check} or
 * {@code ./workbench check heap-leak-alert}.
 */
public final class HeapLeakAlert {

    private static final double MB = 1 << 20;
    private static final double PACE_MB_PER_SECOND = 2.5;

    private HeapLeakAlert() {}

    /**
     * Decides whether the watched service leaks heap.
     *
     * @param watched a stopped sampler that read the service every 100 ms for several seconds
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
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
        // min_over_time of the first and of the last third: spikes only raise a value, so floors ignore them.
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
        double pace = (lastFloor - firstFloor) / (2 * seconds / 3) / MB;
        return pace > PACE_MB_PER_SECOND;
    }
}
