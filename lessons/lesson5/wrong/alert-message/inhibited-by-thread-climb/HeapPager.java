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

    private static final double MB = 1 << 20;
    private static final double ALERT_MB_PER_SECOND = 2.5;
    private static final double THREADS_PER_SECOND = 2.0;

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
        TimeSeries live = watched.series("jvm.memory.used_after_last_gc", Attributes.of("jvm.memory.type", "heap"));
        double[] heap = floors(live);
        if (heap == null) {
            return null;
        }
        double span = heap[3];
        double half = ALERT_MB_PER_SECOND * MB / 2;
        boolean everyStep = (heap[1] - heap[0]) / span >= half && (heap[2] - heap[1]) / span >= half;
        double pace = (heap[2] - heap[0]) / (2 * span);
        if (!everyStep || pace <= ALERT_MB_PER_SECOND * MB) {
            return null;
        }
        // Inhibit: if the threads climb too, this is the thread leak's incident and its own alert pages for it.
        double[] threads = floors(watched.series("jvm.thread.count"));
        if (threads != null) {
            double threadSpan = threads[3];
            boolean threadSteps = (threads[1] - threads[0]) / threadSpan >= THREADS_PER_SECOND / 2
                    && (threads[2] - threads[1]) / threadSpan >= THREADS_PER_SECOND / 2;
            if (threadSteps && (threads[2] - threads[0]) / (2 * threadSpan) > THREADS_PER_SECOND) {
                return null;
            }
        }
        long seconds = Math.round((maxHeapBytes - heap[2]) / pace);
        return String.format("heap live set growing %.1f MB/s; reaches the %d MB maximum in about %d s",
                pace / MB, Math.round(maxHeapBytes / MB), seconds);
    }

    /** The floors of three equal spans of time, then the span's length in seconds; null when too few points. */
    private static double[] floors(TimeSeries series) {
        List<Point> points = series.points();
        if (points.size() < 6) {
            return null;
        }
        Instant start = points.getFirst().time();
        double span = seconds(start, points.getLast().time()) / 3;
        if (span <= 0) {
            return null;
        }
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, span};
        for (Point point : points) {
            int part = Math.min(2, (int) (seconds(start, point.time()) / span));
            floors[part] = Math.min(floors[part], point.value());
        }
        return floors;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
