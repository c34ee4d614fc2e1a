/*
 * Misconception: A least-squares slope of the live set over the whole window (PromQL's deriv) is already robust,
 *   so it needs no floors and no requirement that every part of the window rises.
 * Why a learner would believe it: The lesson maps deriv() to TimeSeries.slope and calls it the trend of a noisy
 *   gauge, and it is taken on the right series, used_after_last_gc, not on the sawtooth.
 * What is actually right: A healthy live set jumps by a whole burst when a collection catches one in flight, and
 *   such a jump near the end of the window tilts a least-squares line; take the slope of the floors and require
 *   the rise to hold in every part of the window.
 */
package lesson5;

import java.time.Duration;
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
    private static final double PACE_MB_PER_SECOND = 2.5;

    private HeapLeakAlert() {}

    /**
     * Decides whether the watched service leaks heap.
     *
     * @param watched a stopped sampler that read the service every 100 ms for several seconds
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        TimeSeries live = watched.series("jvm.memory.used_after_last_gc", Attributes.of("jvm.memory.type", "heap"));
        List<Point> points = live.points();
        if (points.size() < 6) {
            return false;
        }
        Duration all = Duration.between(points.getFirst().time(), points.getLast().time());
        // deriv(live set[window]) > threshold: a pace, not a size, over the whole window.
        double slope = live.slope(all) / MB;
        return !Double.isNaN(slope) && slope > PACE_MB_PER_SECOND;
    }
}
