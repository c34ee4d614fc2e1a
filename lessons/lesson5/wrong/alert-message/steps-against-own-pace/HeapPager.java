package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;

/**
 * Exercise {@code alert-message} (lesson 5): a pager that wakes someone for every spike of heap used and tells
 * them nothing they can act on. Make it page only for a leak, and say what grows, how fast, and by when.
 *
 * <p>Check it with {@code /check} or {@code ./workbench check alert-message}.
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
     * <p>A page names the heap's live set, how fast it grows in MB a second, and in how many seconds it reaches
     * the heap's maximum at that pace, in this form (round the numbers as you like):
     * {@code heap live set growing 4.2 MB/s; reaches the 256 MB maximum in about 41 s}
     *
     * @param watched      a stopped sampler that read the service several times a second for several
     *                     seconds; each point carries the time it was read
     * @param maxHeapBytes the service's maximum heap ({@code -Xmx})
     */
    public static String page(Sampler watched, long maxHeapBytes) {
        List<Point> live = watched.series("jvm.memory.used_after_last_gc",
                Attributes.of("jvm.memory.type", "heap")).points();
        double[] floors = floors(live);
        double seconds = Duration.between(live.getFirst().time(), live.getLast().time()).toMillis() / 1000.0;
        double spanSeconds = seconds / PARTS;
        double perSecond = (floors[PARTS - 1] - floors[0]) / (seconds * (PARTS - 1) / PARTS);
        // "for:" a steady climb: every part keeps up with at least half of the window's own pace.
        for (int i = 1; i < PARTS; i++) {
            if ((floors[i] - floors[i - 1]) / spanSeconds <= perSecond / 2) {
                return null;
            }
        }
        if (perSecond <= BYTES_PER_SECOND) {
            return null;
        }
        // predict_linear: from the live set now, at the pace it kept, until nothing is left of the maximum.
        double secondsLeft = (maxHeapBytes - floors[PARTS - 1]) / perSecond;
        return String.format(Locale.ROOT, "heap live set growing %.1f MB/s; reaches the %d MB maximum in about %d s",
                perSecond / MB, Math.round(maxHeapBytes / MB), Math.round(secondsLeft));
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
