/*
 * Misconception: The floor of heap used is the live set, since every collection drops heap used to what survived,
 *   so the floors of jvm.memory.used are as good as jvm.memory.used_after_last_gc.
 * Why a learner would believe it: The lesson says the sawtooth drops at every collection and that a floor ignores
 *   spikes, so taking the floor of the sawtooth itself looks like the same idea with the series already on screen.
 * What is actually right: The live set is what a collection measured as surviving (used_after_last_gc); heap used
 *   only reaches it if a sample lands right after a collection, and without one (a quiet collector, a big heap)
 *   its floor is just garbage waiting, so the rule must take floors of used_after_last_gc.
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
    /** Alert on a heap that keeps growing faster than this. */
    private static final double PACE_MB_PER_SECOND = 2.5;

    private HeapLeakAlert() {}

    /**
     * Decides whether the watched service leaks heap.
     *
     * @param watched a stopped sampler that read the service every 100 ms for several seconds
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        // The sawtooth falls back to what is live at every collection: its floor is the live set.
        List<Point> points = watched.series("jvm.memory.used", Attributes.of("jvm.memory.type", "heap")).points();
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
        double pace = (floors[2] - floors[0]) / (2 * spanSeconds) / MB;
        for (int i = 1; i < 3; i++) {
            double step = (floors[i] - floors[i - 1]) / spanSeconds / MB;
            if (step < PACE_MB_PER_SECOND / 2) {
                return false;
            }
        }
        return pace > PACE_MB_PER_SECOND;
    }
}
