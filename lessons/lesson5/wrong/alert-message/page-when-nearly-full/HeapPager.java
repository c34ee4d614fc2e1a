package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;

/**
 * Exercise {@code alert-message} (lesson 5): a pager that pages only for a leak or a heap that is already full,
 * and says what grows, how fast, and by when.
 */
public final class HeapPager {

    private static final double MB = 1 << 20;
    private static final double ALERT_MB_PER_SECOND = 2.5;
    /** A live set this close to the maximum is "the heap is full" in the lesson's table: a page. */
    private static final double FULL_SHARE = 0.9;
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
        List<Point> points = watched.series("jvm.memory.used_after_last_gc",
                Attributes.of("jvm.memory.type", "heap")).points();
        if (points.size() < 2 * PARTS) {
            return null;
        }
        Instant start = points.getFirst().time();
        long totalNanos = Duration.between(start, points.getLast().time()).toNanos();
        if (totalNanos <= 0) {
            return null;
        }
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (Point point : points) {
            long at = Duration.between(start, point.time()).toNanos();
            int part = (int) Math.min(PARTS - 1, at * PARTS / totalNanos);
            floors[part] = Math.min(floors[part], point.value());
        }
        for (double floor : floors) {
            if (Double.isInfinite(floor)) {
                return null;
            }
        }
        double partSeconds = totalNanos / 1e9 / PARTS;
        double last = floors[PARTS - 1];
        double pace = (last - floors[0]) / ((PARTS - 1) * partSeconds);

        boolean climbing = pace / MB > ALERT_MB_PER_SECOND;
        for (int i = 1; i < PARTS && climbing; i++) {
            if ((floors[i] - floors[i - 1]) / MB / partSeconds < ALERT_MB_PER_SECOND / 2) {
                climbing = false;
            }
        }
        boolean full = last >= FULL_SHARE * maxHeapBytes;
        if (!climbing && !full) {
            return null;
        }

        double shownPace = Math.max(0, pace);
        long seconds = shownPace > 0 ? Math.round(Math.max(0, maxHeapBytes - last) / shownPace) : 0;
        return String.format(Locale.ROOT, "heap live set growing %.1f MB/s; reaches the %d MB maximum in about %d s",
                shownPace / MB, Math.round(maxHeapBytes / MB), seconds);
    }
}
