/*
 * Misconception: A least-squares slope of jvm.thread.count over the whole window already averages out the pools
 *   that grow and shrink, so a slope above the alert pace is a steady climb.
 * Why a learner would believe it: The lesson calls slope "the trend of a noisy gauge" and deriv() is what the
 *   PromQL rule uses, so fitting a line through the count looks like exactly the taught rule.
 * What is actually right: A pool that adds dozens of workers near the end of the window tilts the fitted line more
 *   than a leak does; take the slope of the floors (the count when the pools are at their smallest) and require the
 *   rise in every part of the window.
 */
package lesson5;

import java.time.Duration;
import java.util.List;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.sampling.TimeSeries;

/**
 * Exercise {@code thread-climb-alert} (lesson 5): an alert rule for a steady thread climb that stays silent
 * while pools grow and shrink.
 *
 * <p>Try it in the console first on {@code /demo start watched-service}. Check it with {@code /check} or
 * {@code ./workbench check thread-climb-alert}.
 */
public final class ThreadClimbAlert {

    private static final double THREADS_PER_SECOND = 2.0;

    private ThreadClimbAlert() {}

    /**
     * Decides whether the watched service leaks threads.
     *
     * @param watched a stopped sampler that read the service every 100 ms for several seconds
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        TimeSeries threads = watched.series("jvm.thread.count");
        List<Point> points = threads.points();
        if (points.size() < 6) {
            return false;
        }
        Duration all = Duration.between(points.getFirst().time(), points.getLast().time());
        // deriv(jvm_thread_count[window]) > 2: the trend, not the count and not its range.
        double slope = threads.slope(all);
        return !Double.isNaN(slope) && slope > THREADS_PER_SECOND;
    }
}
