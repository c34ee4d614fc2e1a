package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;

/** Gates on floors that rise in every third of the window, then takes the pace from threads started. */
public final class ThreadClimbAlert {

    private static final double THREADS_PER_SECOND = 2;

    private ThreadClimbAlert() {}

    public static boolean firing(Sampler watched) {
        List<Point> count = watched.series("jvm.thread.count").points();
        Instant start = count.getFirst().time();
        double seconds = Duration.between(start, count.getLast().time()).toMillis() / 1000.0;
        double[] floors = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (Point point : count) {
            int part = (int) Math.min(2, Duration.between(start, point.time()).toMillis() / 1000.0 / (seconds / 3));
            floors[part] = Math.min(floors[part], point.value());
        }
        for (int i = 1; i < 3; i++) {
            if ((floors[i] - floors[i - 1]) / (seconds / 3) <= THREADS_PER_SECOND / 2) {
                return false;
            }
        }
        // The floors climb: how fast is the service making threads?
        List<Point> started = watched.series("jvm.thread.started").points();
        double made = started.getLast().value() - started.getFirst().value();
        return made / seconds > THREADS_PER_SECOND;
    }
}
