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
    /** Alert when the live set grows faster than this, bytes per second. */
    private static final double PACE = 2.5 * MB;

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
        long spanNanos = Duration.between(start, points.getLast().time()).toNanos() / 3;
        if (spanNanos <= 0) {
            return false;
        }
        double spanSeconds = spanNanos / 1e9;
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (Point point : points) {
            int part = (int) Math.min(2, Duration.between(start, point.time()).toNanos() / spanNanos);
            floors[part] = Math.min(floors[part], point.value());
        }
        if (Double.isInfinite(floors[0]) || Double.isInfinite(floors[1]) || Double.isInfinite(floors[2])) {
            return false;
        }
        // The first part is where the service stood when the window opened: its floor is the baseline.
        // The condition must hold in every later part ("for:"): each later floor above the baseline, at no less
        // than half the pace for the time since the window opened.
        for (int part = 1; part < 3; part++) {
            double seconds = part * spanSeconds;
            if ((floors[part] - floors[0]) / seconds < PACE / 2) {
                return false;
            }
        }
        // And the whole pace, first floor to last over the time between the spans, above the threshold.
        return (floors[2] - floors[0]) / (2 * spanSeconds) > PACE;
    }
}
