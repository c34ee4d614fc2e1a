package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;

/**
 * Exercise {@code heap-leak-alert} (lesson 5): an alert rule for a heap leak that stays silent on healthy noise.
 *
 * <p>What survived a collection is whatever sits outside eden: the survivor spaces and the old generation. Their
 * used bytes are read fresh at every scrape, whereas the old pool's after-GC value only moves when an old
 * collection runs. The rule takes the floor of that kept memory in three equal spans of time and fires when every
 * floor climbs on the one before at a leak's pace.
 */
public final class HeapLeakAlert {

    private static final double MB = 1 << 20;
    /** The pace to alert on, in bytes a second: well above a healthy floor's wobble, well below a leak. */
    private static final double ALERT_PACE = 2.5 * MB;

    private HeapLeakAlert() {}

    /**
     * Decides whether the watched service leaks heap.
     *
     * @param watched a stopped sampler that read the service several times a second for several
     *                seconds; each point carries the time it was read
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        List<Point> kept = keptOutsideEden(watched);
        if (kept.size() < 6) {
            return false;
        }
        Instant start = kept.get(0).time();
        double window = seconds(start, kept.get(kept.size() - 1).time());
        if (window <= 0) {
            return false;
        }
        double part = window / 3;
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (Point point : kept) {
            int span = Math.min(2, (int) (seconds(start, point.time()) / part));
            floors[span] = Math.min(floors[span], point.value());
        }
        for (double floor : floors) {
            if (Double.isInfinite(floor)) {
                return false;
            }
        }
        double pace = (floors[2] - floors[0]) / (2 * part);
        double firstStep = (floors[1] - floors[0]) / part;
        double secondStep = (floors[2] - floors[1]) / part;
        return pace > ALERT_PACE && firstStep >= ALERT_PACE / 2 && secondStep >= ALERT_PACE / 2;
    }

    /** Heap used in every heap pool but eden, summed at each read. */
    private static List<Point> keptOutsideEden(Sampler watched) {
        List<Point> kept = new ArrayList<>();
        for (Snapshot snapshot : watched.snapshots()) {
            double bytes = 0;
            boolean any = false;
            for (Map.Entry<Attributes, Double> entry : snapshot.values("jvm.memory.used").entrySet()) {
                Attributes pool = entry.getKey();
                if (!"heap".equals(pool.get("jvm.memory.type"))) {
                    continue;
                }
                String name = pool.get("jvm.memory.pool.name");
                if (name != null && name.toLowerCase(Locale.ROOT).contains("eden")) {
                    continue;   // garbage waiting for the next young collection
                }
                bytes += entry.getValue();
                any = true;
            }
            if (any) {
                kept.add(new Point(snapshot.time(), bytes));
            }
        }
        return kept;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
