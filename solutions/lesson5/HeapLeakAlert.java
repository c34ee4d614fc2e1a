package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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

    /** Growth of the live set's floor that counts as a leak: well above noise, well below any real leak. */
    private static final double BYTES_PER_SECOND = 2.5 * (1 << 20);
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
        List<Point> live = watched.series("jvm.memory.used_after_last_gc",
                Attributes.of("jvm.memory.type", "heap")).points();
        double[] floors = floors(live);
        double seconds = Duration.between(live.getFirst().time(), live.getLast().time()).toMillis() / 1000.0;
        double spanSeconds = seconds / PARTS;
        // "for:" the whole window: the floor rises in every part, at least at half the pace, not once.
        for (int i = 1; i < PARTS; i++) {
            if ((floors[i] - floors[i - 1]) / spanSeconds <= BYTES_PER_SECOND / 2) {
                return false;
            }
        }
        double perSecond = (floors[PARTS - 1] - floors[0]) / (seconds * (PARTS - 1) / PARTS);
        return perSecond > BYTES_PER_SECOND;
    }

    /** The smallest value in each of {@code PARTS} equal spans of time: the troughs a leak lifts. */
    private static double[] floors(List<Point> points) {
        Instant start = points.getFirst().time();
        long span = Duration.between(start, points.getLast().time()).toNanos() / PARTS + 1;
        double[] floors = new double[PARTS];
        Arrays.fill(floors, Double.POSITIVE_INFINITY);
        for (Point point : points) {
            int part = (int) (Duration.between(start, point.time()).toNanos() / span);
            floors[part] = Math.min(floors[part], point.value());
        }
        return floors;
    }
}
