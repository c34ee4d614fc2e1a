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
    /** The pace worth an alert, in bytes a second. */
    private static final double ALERT_PACE = 2.5 * MB;
    /** Each part must rise on the one before at no less than half the alert's pace. */
    private static final double STEP_PACE = ALERT_PACE / 2;
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
        double[] floors = new double[PARTS];
        Arrays.fill(floors, Double.POSITIVE_INFINITY);
        for (Point point : points) {
            int index = Math.min(PARTS - 1, (int) (seconds(start, point.time()) / part));
            floors[index] = Math.min(floors[index], point.value());
        }
        for (double floor : floors) {
            if (Double.isInfinite(floor)) {
                return false;   // a part without a read says nothing
            }
        }
        // Every part's floor rises on the one before, at half the alert's pace or more.
        for (int i = 1; i < PARTS; i++) {
            if ((floors[i] - floors[i - 1]) / part < STEP_PACE) {
                return false;
            }
        }
        // The pace over the window: from the first floor to the last.
        double pace = (floors[PARTS - 1] - floors[0]) / window;
        return pace > ALERT_PACE;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
