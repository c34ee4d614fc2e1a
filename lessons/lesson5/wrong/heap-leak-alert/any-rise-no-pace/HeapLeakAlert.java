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
        // Three equal spans of time, and the floor (smallest live set) of each: spikes only raise values,
        // so the floor ignores them.
        Instant start = points.getFirst().time();
        long spanNanos = Duration.between(start, points.getLast().time()).toNanos() / 3;
        if (spanNanos <= 0) {
            return false;
        }
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (Point point : points) {
            int part = (int) Math.min(2, Duration.between(start, point.time()).toNanos() / spanNanos);
            floors[part] = Math.min(floors[part], point.value());
        }
        // "A pace, not a size": no number of megabytes fits every service, so the rule holds no megabytes at all.
        // A healthy floor stays where it was; a leak lifts it every time. So: fire when every floor sits above
        // the one before, i.e. the live set climbed in every part of the window (the Java "for:").
        return floors[0] < floors[1] && floors[1] < floors[2];
    }
}
