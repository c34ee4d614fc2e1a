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
    private static final double ALERT_PACE = 2.5 * MB;
    /**
     * A healthy service allocates tens of MB a second and keeps none of it; a leak keeps much of what it makes.
     * Fire only when the live set keeps at least this share of what was allocated meanwhile.
     */
    private static final double KEPT_SHARE = 0.10;

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
        double total = seconds(start, points.getLast().time());
        double span = total / 3;
        if (span <= 0) {
            return false;
        }
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (Point point : points) {
            int part = Math.min(2, (int) (seconds(start, point.time()) / span));
            floors[part] = Math.min(floors[part], point.value());
        }
        for (int i = 1; i < 3; i++) {
            if ((floors[i] - floors[i - 1]) / span < ALERT_PACE / 2) {
                return false;
            }
        }
        double pace = (floors[2] - floors[0]) / (2 * span);
        if (pace <= ALERT_PACE) {
            return false;
        }
        // The rate of the allocation counter tells garbage from keeping: a leak allocates little and keeps all of it.
        double allocated = watched.series("jvm.memory.allocated").rate(Duration.ofNanos((long) (total * 1e9)));
        return !(allocated > 0) || pace / allocated >= KEPT_SHARE;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
