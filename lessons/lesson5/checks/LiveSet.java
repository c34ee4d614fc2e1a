package lesson5.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;

/**
 * What a check measures of a run's live set, to judge the numbers on a learner's page: the floor of the heap
 * after each collection in the first and the last third of the window, and the pace between them.
 *
 * @param first     the smallest live set in the first third, in bytes
 * @param last      the smallest live set in the last third, in bytes
 * @param perSecond how fast the floor rose, in bytes a second
 */
record LiveSet(double first, double last, double perSecond) {

    static LiveSet of(Sampler sampler) {
        List<Point> points = sampler.series("jvm.memory.used_after_last_gc",
                Attributes.of("jvm.memory.type", "heap")).points();
        Instant start = points.getFirst().time();
        long span = Duration.between(start, points.getLast().time()).toNanos() / 3 + 1;
        double[] floors = new double[3];
        Arrays.fill(floors, Double.POSITIVE_INFINITY);
        for (Point point : points) {
            int third = (int) (Duration.between(start, point.time()).toNanos() / span);
            floors[third] = Math.min(floors[third], point.value());
        }
        double apart = 2 * span / 1e9;
        return new LiveSet(floors[0], floors[2], (floors[2] - floors[0]) / apart);
    }
}
