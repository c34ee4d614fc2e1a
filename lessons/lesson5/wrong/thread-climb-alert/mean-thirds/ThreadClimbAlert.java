/*
 * Misconception: The average thread count in each part of the window smooths out the pools' bursts, so averages
 *   that rise in every part are a steady climb.
 * Why a learner would believe it: A burst lasts a few hundred milliseconds out of seconds, so it looks diluted in
 *   the mean, and averaging is the usual first tool against noise.
 * What is actually right: Each burst adds dozens of threads, and how many bursts fall in a part of the window
 *   varies, so the mean moves by more than a leak adds; the floor (the count with the pools at their smallest) is
 *   what a leak lifts and a pool never does.
 */
package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;

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
        List<Point> points = watched.series("jvm.thread.count").points();
        if (points.size() < 6) {
            return false;
        }
        Instant start = points.getFirst().time();
        double seconds = Duration.between(start, points.getLast().time()).toNanos() / 1e9;
        if (seconds <= 0) {
            return false;
        }
        double[] sums = new double[3];
        int[] counts = new int[3];
        for (Point point : points) {
            double t = Duration.between(start, point.time()).toNanos() / 1e9;
            int span = Math.min(2, (int) (3 * t / seconds));
            sums[span] += point.value();
            counts[span]++;
        }
        double[] means = new double[3];
        for (int i = 0; i < 3; i++) {
            if (counts[i] == 0) {
                return false;
            }
            means[i] = sums[i] / counts[i];
        }
        double spanSeconds = seconds / 3;
        for (int i = 1; i < 3; i++) {
            if ((means[i] - means[i - 1]) / spanSeconds < THREADS_PER_SECOND / 2) {
                return false;
            }
        }
        return (means[2] - means[0]) / (2 * spanSeconds) > THREADS_PER_SECOND;
    }
}
