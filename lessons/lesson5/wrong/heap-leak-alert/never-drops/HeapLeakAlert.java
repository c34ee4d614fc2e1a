package lesson5;

import java.time.Duration;
import java.util.List;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;

/**
 * Exercise {@code heap-leak-alert} (lesson 5): an alert rule for a heap leak that stays silent on healthy noise.
 */
public final class HeapLeakAlert {

    /** Growth of the live set that counts as a leak: well above noise, well below any real leak. */
    private static final double BYTES_PER_SECOND = 2.5 * (1 << 20);

    private HeapLeakAlert() {}

    /**
     * Decides whether the watched service leaks heap.
     *
     * @param watched a stopped sampler that read the service every 100 ms for several seconds
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        List<Point> live = watched.series("jvm.memory.used_after_last_gc",
                Attributes.of("jvm.memory.type", "heap")).points();
        if (live.size() < 2) {
            return false;
        }
        // A leak keeps everything it takes: collection after collection the live set only goes up. A healthy
        // service's live set comes back down after a burst, so one drop anywhere in the window means "not a leak"
        // (for: one quiet sample resets the rule).
        for (int i = 1; i < live.size(); i++) {
            if (live.get(i).value() < live.get(i - 1).value()) {
                return false;
            }
        }
        double seconds = Duration.between(live.getFirst().time(), live.getLast().time()).toMillis() / 1000.0;
        double perSecond = (live.getLast().value() - live.getFirst().value()) / seconds;
        return perSecond > BYTES_PER_SECOND;
    }
}
