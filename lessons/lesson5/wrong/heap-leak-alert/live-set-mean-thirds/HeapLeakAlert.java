/*
 * Misconception: Averaging the live set over each part of the window smooths out the spikes, so a rising average
 *   in every part is a steady leak.
 * Why a learner would believe it: An average is the usual way to smooth a noisy series, and a spike lasting one
 *   collection is diluted among dozens of samples, so it looks as robust as the floor.
 * What is actually right: A spike only ever raises a value, so the floor (min_over_time) ignores it while the mean
 *   moves with every burst a collection catches; rising floors, not means, are the leak signal.
 */
package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;

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
        List<Point> points = watched.series("jvm.memory.used_after_last_gc",
                Attributes.of("jvm.memory.type", "heap")).points();
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
            if ((means[i] - means[i - 1]) / spanSeconds / MB < PACE_MB_PER_SECOND / 2) {
                return false;
            }
        }
        return (means[2] - means[0]) / (2 * spanSeconds) / MB > PACE_MB_PER_SECOND;
    }
}
