package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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
    /** The pace worth an alert, in bytes a second: well above a healthy floor's wobble, well below any leak. */
    private static final double ALERT_PACE = 2.5 * MB;
    private static final int PARTS = 3;

    private HeapLeakAlert() {}

    /**
     * Decides whether the watched service leaks heap.
     *
     * @param watched a stopped sampler that read the service several times a second for several
     *                seconds; each point carries the time it was read
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        // The live set: what survived the last collection of each heap pool, summed.
        TimeSeries live = watched.series("jvm.memory.used_after_last_gc", Attributes.of("jvm.memory.type", "heap"));
        List<Point> points = live.points();
        if (points.size() < 2 * PARTS) {
            return false;
        }
        Instant start = points.get(0).time();
        double window = seconds(start, points.get(points.size() - 1).time());
        if (!(window > 0)) {
            return false;
        }
        double part = window / PARTS;
        double[] floors = floors(points, start, part);
        if (floors == null) {
            return false;
        }
        // The pace, from the first floor to the last: the parts' floors stand one part apart.
        double pace = (floors[PARTS - 1] - floors[0]) / ((PARTS - 1) * part);
        if (!(pace > ALERT_PACE)) {
            return false;
        }
        // Every part rises on the one before at half the pace or more: a climb, not a cache loaded once.
        for (int i = 1; i < PARTS; i++) {
            double step = (floors[i] - floors[i - 1]) / part;
            if (step < pace / 2) {
                return false;
            }
        }
        return true;
    }

    /** The smallest value in each of the equal parts of the window, oldest first; null if a part has no read. */
    private static double[] floors(List<Point> points, Instant start, double part) {
        double[] floors = new double[PARTS];
        Arrays.fill(floors, Double.POSITIVE_INFINITY);
        for (Point point : points) {
            int index = Math.min(PARTS - 1, (int) (seconds(start, point.time()) / part));
            floors[index] = Math.min(floors[index], point.value());
        }
        for (double floor : floors) {
            if (Double.isInfinite(floor)) {
                return null;
            }
        }
        return floors;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
