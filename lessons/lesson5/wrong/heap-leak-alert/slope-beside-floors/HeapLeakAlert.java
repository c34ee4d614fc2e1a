/*
 * Misconception: The floors of the three parts only say whether the live set is still climbing; its pace comes
 *   from a line fitted through every point (TimeSeries.slope, PromQL's deriv()), which uses all the data.
 * Why a learner would believe it: The lesson prints the slope beside the floors, and PromQL's usual leak rule is
 *   deriv(...) > threshold.
 * What is actually right: A spike only ever raises a value, so a report held at the end of the window tilts the
 *   line; the pace is measured between floors too, and a cache warming up below it is fine.
 */
package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.sampling.TimeSeries;

/**
 * Exercise {@code heap-leak-alert} (lesson 5): an alert rule for a heap leak that stays silent on healthy noise.
 *
 * <p>Try it in the console first on {@code /demo start watched-service}. Check it with {@code /check} or
 * {@code ./workbench check heap-leak-alert}.
 */
public final class HeapLeakAlert {

    private static final double MB = 1 << 20;
    /** How fast the live set must grow to page, in bytes a second. */
    private static final double THRESHOLD = 2.5 * MB;

    private HeapLeakAlert() {}

    /**
     * Decides whether the watched service leaks heap.
     *
     * @param watched a stopped sampler that read the service every 100 ms for several seconds
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        TimeSeries live = watched.series("jvm.memory.used_after_last_gc", Attributes.of("jvm.memory.type", "heap"));
        List<Point> points = live.points();
        if (points.size() < 6) {
            return false;
        }
        Instant start = points.getFirst().time();
        Duration window = Duration.between(start, points.getLast().time());
        long totalNanos = window.toNanos();
        if (totalNanos <= 0) {
            return false;
        }
        // for: the floor of every third must rise on the one before, at half the alert's pace or more
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (Point point : points) {
            long at = Duration.between(start, point.time()).toNanos();
            int part = (int) Math.min(2, at * 3 / totalNanos);
            floors[part] = Math.min(floors[part], point.value());
        }
        if (Double.isInfinite(floors[0]) || Double.isInfinite(floors[1]) || Double.isInfinite(floors[2])) {
            return false;
        }
        double partSeconds = totalNanos / 3 / 1e9;
        for (int i = 1; i < 3; i++) {
            if ((floors[i] - floors[i - 1]) / partSeconds < THRESHOLD / 2) {
                return false;
            }
        }
        // deriv(): the least-squares trend of the live set over the whole window, in bytes a second
        double pace = live.slope(window);
        return pace > THRESHOLD;
    }
}
