// Misconception: the window is split by sample index and time is counted as samples times an assumed 100 ms period, so the parts and the pace are only right when the sampler runs at exactly 10 Hz and misses no read.
package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.sampling.TimeSeries;

/**
 * Exercise {@code heap-leak-alert} (lesson 5): an alert rule for a heap leak that stays silent on healthy noise.
 *
 * <p>Try it in the console first on {@code /demo start watched-service}. Check it with {@code /check} or
 * {@code ./workbench check heap-leak-alert}.
 */
public final class HeapLeakAlert {

    private static final double MB = 1 << 20;
    /** The pace worth an alert: a leak grows by MB a second; healthy noise stays well below. */
    private static final double ALERT_BYTES_PER_SECOND = 2.5 * MB;
    /** Three parts of the window, as the ten-minute floors of an hour. */
    private static final int PARTS = 3;

    private HeapLeakAlert() {}

    /** The sampler's period: the console's and the lesson's samplers read ten times a second. */
    private static final double SAMPLE_SECONDS = 0.1;

    /**
     * Decides whether the watched service leaks heap.
     *
     * @param watched a stopped sampler that read the service several times a second for several
     *                seconds; each point carries the time it was read
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        // The live set, not heap used: what survived the last collection of each heap pool.
        TimeSeries live = watched.series("jvm.memory.used_after_last_gc", Attributes.of("jvm.memory.type", "heap"));
        double[] values = live.values();
        int perPart = values.length / PARTS;
        if (perPart < 2) {
            return false;
        }
        // The floor of each third of the samples: a spike only ever raises a value, so the minimum ignores it.
        double[] floors = new double[PARTS];
        for (int part = 0; part < PARTS; part++) {
            double floor = Double.POSITIVE_INFINITY;
            int end = part == PARTS - 1 ? values.length : (part + 1) * perPart;
            for (int i = part * perPart; i < end; i++) {
                floor = Math.min(floor, values[i]);
            }
            floors[part] = floor;
        }
        double span = perPart * SAMPLE_SECONDS;
        for (int i = 1; i < PARTS; i++) {
            // Every part must rise on the one before, at a leak's pace: a level shift rises once, noise not at all.
            if ((floors[i] - floors[i - 1]) / span < ALERT_BYTES_PER_SECOND / 2) {
                return false;
            }
        }
        double pace = (floors[PARTS - 1] - floors[0]) / (span * (PARTS - 1));
        return pace > ALERT_BYTES_PER_SECOND;
    }
}
