package lesson5;

import java.time.Duration;
import java.util.ArrayList;
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
    /** How much the live set's floor must climb from one part of the window to the next, like min_over_time per 10m. */
    private static final double ALERT_RISE_PER_PART = 2.5 * MB;

    private HeapLeakAlert() {}

    private static double seconds(Point from, Point to) {
        return Duration.between(from.time(), to.time()).toNanos() / 1e9;
    }

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
        // The floors are the ten-minute min_over_time of the rule, one per part: the pace is how much each
        // part's floor climbs on the one before. Every step at half of it, and on average the whole of it.
        for (int i = 1; i < 3; i++) {
            if (floors[i] - floors[i - 1] < ALERT_RISE_PER_PART / 2) {
                return false;
            }
        }
        return (floors[2] - floors[0]) / 2 > ALERT_RISE_PER_PART;
    }
}
