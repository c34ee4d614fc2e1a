package lesson5;

/*
 * Misconception: splits the live set's points into three runs of equal size and times them at 100 ms a point, the
 * period of the lesson's samplers, instead of reading the points' times; at any other period the pace is off by
 * that factor.
 */

import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Sampler;

/**
 * Exercise {@code heap-leak-alert} (lesson 5): an alert rule for a heap leak that stays silent on healthy noise.
 */
public final class HeapLeakAlert {

    private static final double ALERT_MB_PER_SECOND = 2.5;
    private static final double MB = 1 << 20;
    /** The samplers read ten times a second. */
    private static final double SECONDS_PER_POINT = 0.1;

    private HeapLeakAlert() {}

    public static boolean firing(Sampler watched) {
        double[] live = watched.series("jvm.memory.used_after_last_gc", Attributes.of("jvm.memory.type", "heap"))
                .values();
        int perPart = live.length / 3;
        if (perPart < 2) {
            return false;
        }
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int i = 0; i < live.length; i++) {
            int part = Math.min(2, i / perPart);
            floors[part] = Math.min(floors[part], live[i]);
        }
        double partSeconds = perPart * SECONDS_PER_POINT;
        for (int i = 1; i < 3; i++) {
            if ((floors[i] - floors[i - 1]) / MB / partSeconds < ALERT_MB_PER_SECOND / 2) {
                return false;
            }
        }
        return (floors[2] - floors[0]) / MB / (2 * partSeconds) > ALERT_MB_PER_SECOND;
    }
}
