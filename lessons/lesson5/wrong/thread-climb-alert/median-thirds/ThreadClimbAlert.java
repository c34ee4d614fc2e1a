package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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

    /** Threads a second: well above a pool that fills up slowly, well below a leak. */
    private static final double PACE_THRESHOLD = 2.0;
    private static final int PARTS = 3;

    private ThreadClimbAlert() {}

    /**
     * Decides whether the watched service leaks threads.
     *
     * @param watched a stopped sampler that read the service several times a second for several
     *                seconds; each point carries the time it was read
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        // Every thread, whatever its state: the series sums all of jvm.thread.count's attribute sets.
        TimeSeries threads = watched.series("jvm.thread.count");
        List<Point> points = threads.points();
        if (points.size() < PARTS) {
            return false;
        }
        Instant start = points.getFirst().time();
        double total = seconds(start, points.getLast().time());
        if (total <= 0) {
            return false;
        }
        double span = total / PARTS;
        List<List<Double>> parts = new ArrayList<>();
        for (int i = 0; i < PARTS; i++) {
            parts.add(new ArrayList<>());
        }
        for (Point point : points) {
            int part = (int) Math.min(PARTS - 1, seconds(start, point.time()) / span);
            parts.get(part).add(point.value());
        }
        // The typical count of each part: the median shrugs off the short bursts of the elastic pool
        // (a mean would not, and a minimum hangs on a single reading).
        double[] levels = new double[PARTS];
        for (int i = 0; i < PARTS; i++) {
            if (parts.get(i).isEmpty()) {
                return false;
            }
            levels[i] = median(parts.get(i));
        }
        for (int i = 1; i < PARTS; i++) {
            if (levels[i] - levels[i - 1] < 0.5 * PACE_THRESHOLD * span) {
                return false;
            }
        }
        double pace = (levels[PARTS - 1] - levels[0]) / (span * (PARTS - 1));
        return pace > PACE_THRESHOLD;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
