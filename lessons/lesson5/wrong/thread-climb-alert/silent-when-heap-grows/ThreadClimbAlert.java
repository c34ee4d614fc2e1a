package lesson5;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import workbench.diagnostics.metrics.Attributes;
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

    /** Threads a second. */
    private static final double THREAD_PACE = 2.0;
    /** Bytes a second: heap-leak-alert's threshold. */
    private static final double HEAP_PACE = 2.5 * (1 << 20);

    private ThreadClimbAlert() {}

    private static double seconds(Point from, Point to) {
        return Duration.between(from.time(), to.time()).toNanos() / 1e9;
    }

    /** Floors of three equal spans of time climb, every step at half the pace and the whole at more than it. */
    private static boolean floorsClimb(List<Point> points, double pace) {
        if (points.size() < 6) {
            return false;
        }
        double total = seconds(points.getFirst(), points.getLast());
        if (total <= 0) {
            return false;
        }
        List<List<Point>> spans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            spans.add(new ArrayList<>());
        }
        for (Point p : points) {
            spans.get((int) Math.min(2, Math.floor(seconds(points.getFirst(), p) / total * 3))).add(p);
        }
        double[] floors = new double[3];
        for (int i = 0; i < 3; i++) {
            if (spans.get(i).isEmpty()) {
                return false;
            }
            floors[i] = spans.get(i).stream().mapToDouble(Point::value).min().orElseThrow();
        }
        double spanSeconds = total / 3;
        for (int i = 1; i < 3; i++) {
            if ((floors[i] - floors[i - 1]) / spanSeconds < pace / 2) {
                return false;
            }
        }
        return (floors[2] - floors[0]) / (2 * spanSeconds) > pace;
    }

    /**
     * Decides whether the watched service leaks threads.
     *
     * @param watched a stopped sampler that read the service every 100 ms for several seconds
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        // Stay silent when only the heap leaks: a growing live set is heap-leak-alert's page, and a cache that
        // grows keeps threads busy and pools up with it. One cause, one alert, so leave that service to it.
        List<Point> live = watched.series("jvm.memory.used_after_last_gc",
                Attributes.of("jvm.memory.type", "heap")).points();
        if (floorsClimb(live, HEAP_PACE)) {
            return false;
        }
        // Every thread counts, whatever its state.
        return floorsClimb(watched.series("jvm.thread.count").points(), THREAD_PACE);
    }
}
