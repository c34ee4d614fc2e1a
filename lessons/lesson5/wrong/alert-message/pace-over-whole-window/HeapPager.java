/*
 * Misconception: The live set's pace is the last floor minus the first floor divided by the whole time watched.
 * Why a learner would believe it: The floors come from the first and the last part of the window, and the whole
 *   watch is the obvious "time" for a growth over the window.
 * What is actually right: Each floor stands for its own span of time, so the growth between the first and last
 *   floor took the time between the spans (two thirds of the watch), not all of it; dividing by the whole watch
 *   understates the pace by a third and overstates the time left.
 */
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
    /** Page only for a live set growing faster than this. */
    private static final double PACE_MB_PER_SECOND = 2.5;
    private static final Attributes HEAP = Attributes.of("jvm.memory.type", "heap");

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
        double[] floors = floors(watched.series("jvm.memory.used_after_last_gc", HEAP));
        if (!leaking(floors)) {
            return null;
        }
        double watchedSeconds = 3 * floors[3];
        // Growth over the window, per second of the window.
        double pace = (floors[2] - floors[0]) / watchedSeconds;
        double secondsLeft = (maxHeapBytes - floors[2]) / pace;
        return message(pace, maxHeapBytes, secondsLeft);
    }

    /** The floors (smallest values) of three equal spans of time, and the length of one span in seconds. */
    private static double[] floors(TimeSeries series) {
        List<Point> points = series.points();
        if (points.size() < 6) {
            return null;
        }
        Instant start = points.getFirst().time();
        double seconds = Duration.between(start, points.getLast().time()).toNanos() / 1e9;
        if (seconds <= 0) {
            return null;
        }
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, seconds / 3};
        for (Point point : points) {
            double t = Duration.between(start, point.time()).toNanos() / 1e9;
            int span = Math.min(2, (int) (3 * t / seconds));
            floors[span] = Math.min(floors[span], point.value());
        }
        return floors;
    }

    /** Every floor rises on the one before at half the alert pace or more, and the whole pace is above it. */
    private static boolean leaking(double[] floors) {
        if (floors == null) {
            return false;
        }
        double spanSeconds = floors[3];
        for (int i = 1; i < 3; i++) {
            if ((floors[i] - floors[i - 1]) / spanSeconds / MB < PACE_MB_PER_SECOND / 2) {
                return false;
            }
        }
        return (floors[2] - floors[0]) / (2 * spanSeconds) / MB > PACE_MB_PER_SECOND;
    }

    private static String message(double paceBytesPerSecond, long maxHeapBytes, double secondsLeft) {
        return String.format("heap live set growing %.1f MB/s; reaches the %d MB maximum in about %d s",
                paceBytesPerSecond / MB, maxHeapBytes >> 20, Math.max(0, Math.round(secondsLeft)));
    }
}
