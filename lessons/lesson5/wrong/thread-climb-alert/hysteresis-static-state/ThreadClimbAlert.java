/* Misconception: an alert rule keeps its state between evaluations, with hysteresis, so once it fires it stays firing until the floor's pace falls below a lower "resolve" threshold, and that state can live in a static field.
   Why plausible: Prometheus does keep alert state (pending, firing, resolved) between evaluations, and hysteresis (fire at 2 threads/s, clear only under 0.5/s) is a real way to stop an alert from flapping; the rule that sets it (floors of jvm.thread.count in three equal spans of time, each step at half the pace, first-to-last above 2 threads/s) is the lesson's.
   What it gets wrong: the static state is one for every service the class is asked about, not one per instance, so after a leaking run any later run whose floor rises even slowly (a connection pool filling at 1.6 a second, a pool resized once) is still reported as firing; the same samples get a different answer depending on what was evaluated before. */
package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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

    /** Fire above this pace of the floor, in threads a second. */
    private static final double THREADS_PER_SECOND = 2.0;
    /** Once firing, resolve only below this pace: no flapping on a leak that slows down for a moment. */
    private static final double RESOLVE_THREADS_PER_SECOND = 0.5;
    private static final int SPANS = 3;

    /** Whether the alert is firing, kept between evaluations as an alerting engine does. */
    private static boolean active;

    private ThreadClimbAlert() {}

    /**
     * Decides whether the watched service leaks threads.
     *
     * @param watched a stopped sampler that read the service several times a second for several
     *                seconds; each point carries the time it was read
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        List<Point> points = watched.series("jvm.thread.count").points();
        if (points.size() < 2 * SPANS) {
            return false;
        }
        Instant start = points.getFirst().time();
        double total = seconds(start, points.getLast().time());
        if (total <= 0) {
            return false;
        }
        double[] floors = new double[SPANS];
        Arrays.fill(floors, Double.POSITIVE_INFINITY);
        for (Point point : points) {
            int span = (int) Math.min(SPANS - 1, Math.floor(seconds(start, point.time()) / total * SPANS));
            floors[span] = Math.min(floors[span], point.value());
        }
        for (double floor : floors) {
            if (Double.isInfinite(floor)) {
                return false;
            }
        }
        double spanSeconds = total / SPANS;
        boolean everyStepRises = true;
        for (int i = 1; i < SPANS; i++) {
            if ((floors[i] - floors[i - 1]) / spanSeconds < THREADS_PER_SECOND / 2) {
                everyStepRises = false;
            }
        }
        double pace = (floors[SPANS - 1] - floors[0]) / (spanSeconds * (SPANS - 1));
        return decide(everyStepRises && pace > THREADS_PER_SECOND, pace);
    }

    private static synchronized boolean decide(boolean climbing, double pace) {
        if (active) {
            active = pace >= RESOLVE_THREADS_PER_SECOND;   // firing until the floor has really stopped climbing
        } else {
            active = climbing;
        }
        return active;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
