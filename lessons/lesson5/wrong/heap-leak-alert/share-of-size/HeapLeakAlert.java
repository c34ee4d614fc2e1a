package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;

/**
 * Exercise {@code heap-leak-alert} (lesson 5): an alert rule for a heap leak that stays silent on healthy noise.
 */
public final class HeapLeakAlert {

    /**
     * Growth of the live set's floor, as a share of where it started, per second. A share rather than megabytes,
     * so that the same rule fits a service living at 20 MB and one living at 140 MB.
     */
    private static final double THRESHOLD_SHARE_PER_SECOND = 0.05;

    private HeapLeakAlert() {}

    public static boolean firing(Sampler watched) {
        List<Point> points = watched.series("jvm.memory.used_after_last_gc", Attributes.of("jvm.memory.type", "heap"))
                .points();
        if (points.size() < 9) {
            return false;
        }
        // Three equal spans of time, and the floor of each: spikes only ever raise a value.
        Instant start = points.getFirst().time();
        Duration third = Duration.between(start, points.getLast().time()).dividedBy(3);
        double[] floors = new double[3];
        for (int i = 0; i < 3; i++) {
            Instant from = start.plus(third.multipliedBy(i));
            Instant to = i == 2 ? points.getLast().time().plusNanos(1) : start.plus(third.multipliedBy(i + 1));
            double floor = Double.POSITIVE_INFINITY;
            for (Point point : points) {
                if (!point.time().isBefore(from) && point.time().isBefore(to)) {
                    floor = Math.min(floor, point.value());
                }
            }
            if (floor == Double.POSITIVE_INFINITY) {
                return false;
            }
            floors[i] = floor;
        }
        if (floors[0] <= 0) {
            return false;
        }
        double seconds = third.toNanos() / 1e9;
        // Every floor above the one before...
        for (int i = 1; i < 3; i++) {
            double stepShare = (floors[i] - floors[i - 1]) / floors[0] / seconds;
            if (stepShare < THRESHOLD_SHARE_PER_SECOND / 2) {
                return false;
            }
        }
        // ...and the whole climb fast compared with the service's own size, whatever its baseline.
        double share = (floors[2] - floors[0]) / floors[0] / (2 * seconds);
        return share > THRESHOLD_SHARE_PER_SECOND;
    }
}
