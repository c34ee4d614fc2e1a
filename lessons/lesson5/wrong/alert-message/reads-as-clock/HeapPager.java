package lesson5;

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
    /** The pace of a leak worth a page, in bytes a second. */
    private static final double PACE = 2.5 * MB;
    /** The sampler reads the service every 100 ms. */
    private static final double SECONDS_PER_POINT = 0.1;

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
        // The live set, not heap used: garbage is no reason to wake anyone.
        TimeSeries live = watched.series("jvm.memory.used_after_last_gc", Attributes.of("jvm.memory.type", "heap"));
        List<Point> points = live.points();
        int perPart = points.size() / 3;
        if (perPart < 2) {
            return null;
        }
        // Three equal parts of the window, a third of the samples each, and the floor of each.
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int i = 0; i < points.size(); i++) {
            int part = Math.min(2, i / perPart);
            floors[part] = Math.min(floors[part], points.get(i).value());
        }
        // One part lasts as many reads as it holds, a tenth of a second each.
        double span = perPart * SECONDS_PER_POINT;
        for (int part = 1; part < 3; part++) {
            if ((floors[part] - floors[part - 1]) / span < PACE / 2) {
                return null;
            }
        }
        double pace = (floors[2] - floors[0]) / (2 * span);
        if (pace <= PACE) {
            return null;
        }
        long seconds = Math.round((maxHeapBytes - floors[2]) / pace);
        return String.format("heap live set growing %.1f MB/s; reaches the %d MB maximum in about %d s",
                pace / MB, maxHeapBytes / (1 << 20), seconds);
    }
}
