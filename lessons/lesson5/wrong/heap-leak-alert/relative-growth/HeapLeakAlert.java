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
 */
public final class HeapLeakAlert {

    /**
     * No number of megabytes fits every service (20 MB or 140 MB), so growth is measured against the service's own
     * size: each part's floor must be this much above the one before. A concurrent collector's wobble of a few MB
     * is a couple of percent of a 140 MB live set; a leak grows it by far more.
     */
    private static final double GROWTH_PER_PART = 0.10;
    private static final int PARTS = 3;

    private HeapLeakAlert() {}

    /**
     * Decides whether the watched service leaks heap.
     *
     * @param watched a stopped sampler that read the service every 100 ms for several seconds
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        List<Point> live = watched.series("jvm.memory.used_after_last_gc",
                Attributes.of("jvm.memory.type", "heap")).points();
        if (live.size() < PARTS * 2) {
            return false;
        }
        double[] floors = floors(live);
        // for: every part's floor grows on the one before, by a share of the service's size, not once.
        for (int i = 1; i < PARTS; i++) {
            if (floors[i - 1] <= 0 || floors[i] < floors[i - 1] * (1 + GROWTH_PER_PART)) {
                return false;
            }
        }
        return true;
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
