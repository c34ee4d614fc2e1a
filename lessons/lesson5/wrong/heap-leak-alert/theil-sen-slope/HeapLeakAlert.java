package lesson5;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.sampling.TimeSeries;

/**
 * Exercise {@code heap-leak-alert} (lesson 5): an alert rule for a heap leak that stays silent on healthy noise.
 *
 * <p>Try it in the console first on {@code /demo start watched-service}. Check it with {@code /check} or
 * {@code ./workbench check heap-leak-alert}.
 */
public final class HeapLeakAlert {

    private static final double MB = 1 << 20;
    /** Well above the noise, well below any leak worth a ticket: 2.5 MB a second at the checks' scale. */
    private static final double PACE_THRESHOLD = 2.5 * MB;

    private HeapLeakAlert() {}

    /**
     * Decides whether the watched service leaks heap.
     *
     * @param watched a stopped sampler that read the service several times a second for several
     *                seconds; each point carries the time it was read
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        // The live set, not heap used: what survived the last collection of each heap pool.
        TimeSeries live = watched.series("jvm.memory.used_after_last_gc", Attributes.of("jvm.memory.type", "heap"));
        List<Point> points = live.points();
        if (points.size() < 3) {
            return false;
        }
        // slope() is least squares and a spike at the end tilts it; the median of every pairwise slope does not
        // care about a few spikes (Theil-Sen), so it is the robust trend of the live set.
        int n = points.size();
        double[] slopes = new double[n * (n - 1) / 2];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double seconds = Duration.between(points.get(i).time(), points.get(j).time()).toNanos() / 1e9;
                if (seconds > 0) {
                    slopes[count++] = (points.get(j).value() - points.get(i).value()) / seconds;
                }
            }
        }
        if (count == 0) {
            return false;
        }
        double[] sorted = Arrays.copyOf(slopes, count);
        Arrays.sort(sorted);
        double median = count % 2 == 1
                ? sorted[count / 2]
                : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
        return median > PACE_THRESHOLD;
    }
}
