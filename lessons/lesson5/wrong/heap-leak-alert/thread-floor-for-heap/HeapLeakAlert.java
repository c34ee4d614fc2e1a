/*
 * Misconception: A leaking service shows it most cleanly in its thread count, and every leaked thread pins heap,
 *   so a rising floor of jvm.thread.count is the heap leak alert.
 * Why a learner would believe it: In the demo a leaking run grows its cache and its stuck threads together, and the
 *   thread count's floor is a small, clean integer series while the heap's series jump by tens of MB.
 * What is actually right: A heap leak is the live set (jvm.memory.used_after_last_gc, heap) growing collection after
 *   collection; a cache can grow with no thread leaking at all, and stuck threads are a separate rule.
 */
package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;

/**
 * Exercise {@code heap-leak-alert} (lesson 5): an alert rule for a heap leak that stays silent on healthy noise.
 *
 * <p>Try it in the console first on {@code /demo start watched-service}. Check it with {@code /check} or
 * {@code ./workbench check heap-leak-alert}.
 */
public final class HeapLeakAlert {

    /** Leaked threads a second that mean the service is leaking. */
    private static final double THREADS_PER_SECOND = 2.0;

    private HeapLeakAlert() {}

    /**
     * Decides whether the watched service leaks heap.
     *
     * @param watched a stopped sampler that read the service every 100 ms for several seconds
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        // Leaked threads keep their stacks and everything they reference: the floor of the thread count is
        // the cleanest view of what the service keeps.
        List<Point> points = watched.series("jvm.thread.count").points();
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
            if ((floors[i] - floors[i - 1]) / spanSeconds < THREADS_PER_SECOND / 2) {
                return false;
            }
        }
        return (floors[2] - floors[0]) / (2 * spanSeconds) > THREADS_PER_SECOND;
    }
}
