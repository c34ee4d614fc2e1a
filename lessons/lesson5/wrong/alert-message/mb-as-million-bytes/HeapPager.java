package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.sampling.TimeSeries;

/**
 * Exercise {@code alert-message} (lesson 5): a pager that wakes someone for every spike of heap used and tells
 * them nothing they can act on. Make it page only for a leak, and say what grows, how fast, and by when.
 *
 * <p>Check it with {@code /check} or {@code ./workbench check alert-message}.
 */
public final class HeapPager {

    /** A megabyte, as the page's "MB" says: a million bytes. */
    private static final double MB = 1_000_000;
    /** The live set's pace to page on, as in heap-leak-alert: about 2.5 MB a second. */
    private static final double ALERT_PACE = 2.5 * MB;

    private HeapPager() {}

    /**
     * The page to send about the watched service, or null to send none.
     *
     * <p>A page names the heap's live set, how fast it grows in MB a second, and in how many seconds it reaches
     * the heap's maximum at that pace, in this form (round the numbers as you like):
     * {@code heap live set growing 4.2 MB/s; reaches the 256 MB maximum in about 41 s}
     *
     * @param watched      a stopped sampler that read the service every 100 ms for several seconds
     * @param maxHeapBytes the service's maximum heap ({@code -Xmx})
     */
    public static String page(Sampler watched, long maxHeapBytes) {
        TimeSeries live = watched.series("jvm.memory.used_after_last_gc", Attributes.of("jvm.memory.type", "heap"));
        List<Point> points = live.points();
        if (points.size() < 6) {
            return null;
        }
        Instant start = points.getFirst().time();
        double span = seconds(start, points.getLast().time()) / 3;
        if (span <= 0) {
            return null;
        }
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (Point point : points) {
            int part = Math.min(2, (int) (seconds(start, point.time()) / span));
            floors[part] = Math.min(floors[part], point.value());
        }
        for (int i = 1; i < 3; i++) {
            if ((floors[i] - floors[i - 1]) / span < ALERT_PACE / 2) {
                return null;
            }
        }
        double pace = (floors[2] - floors[0]) / (2 * span);
        if (pace <= ALERT_PACE) {
            return null;
        }
        long secondsLeft = Math.round((maxHeapBytes - floors[2]) / pace);
        return String.format("heap live set growing %.1f MB/s; reaches the %d MB maximum in about %d s",
                pace / MB, Math.round(maxHeapBytes / MB), secondsLeft);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
