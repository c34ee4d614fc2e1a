package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;

/**
 * Exercise {@code alert-message} (lesson 5): a pager that pages only while the heap's live set keeps growing, and
 * says what grows, how fast, and by when.
 */
public final class HeapPager {

    private static final double MB = 1 << 20;
    /** Growth of the live set's floor that counts as a leak: well above noise, well below any real leak. */
    private static final double BYTES_PER_SECOND = 2.5 * MB;
    private static final int PARTS = 3;

    private HeapPager() {}

    /**
     * The page to send about the watched service, or null to send none.
     *
     * @param watched      a stopped sampler that read the service every 100 ms for several seconds
     * @param maxHeapBytes the service's maximum heap ({@code -Xmx})
     */
    public static String page(Sampler watched, long maxHeapBytes) {
        List<Point> live = watched.series("jvm.memory.used_after_last_gc",
                Attributes.of("jvm.memory.type", "heap")).points();
        if (live.size() < PARTS * 2) {
            return null;
        }
        double[] floors = floors(live);
        double seconds = Duration.between(live.getFirst().time(), live.getLast().time()).toMillis() / 1000.0;
        double spanSeconds = seconds / PARTS;
        for (int i = 1; i < PARTS; i++) {
            if ((floors[i] - floors[i - 1]) / spanSeconds < BYTES_PER_SECOND / 2) {
                return null;
            }
        }
        double pace = (floors[PARTS - 1] - floors[0]) / (spanSeconds * (PARTS - 1));
        if (pace <= BYTES_PER_SECOND) {
            return null;
        }
        // predict_linear: what is left of the maximum above the live set, divided by the pace. The live set is
        // the floor the line starts from, the lowest the window saw, so spikes cannot shorten the estimate.
        double liveSet = floors[0];
        double left = maxHeapBytes - liveSet;
        return String.format("heap live set growing %.1f MB/s; reaches the %d MB maximum in about %d s",
                pace / MB, Math.round(maxHeapBytes / MB), Math.round(left / pace));
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
