package lesson5;

/*
 * Misconception: splits the thread count's points into three equal runs of points and turns them into seconds at
 * 100 ms a point, as every sampler in the lesson is started, instead of reading the points' timestamps; with any
 * other period, or a sampler that fell behind, the pace it computes is off by that factor.
 */

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

    /** The climb worth an alert, in threads a second. */
    private static final double ALERT_PACE = 2.0;
    /** The sampler reads every 100 ms, so each point is a tenth of a second after the one before. */
    private static final double SECONDS_PER_POINT = 0.1;

    private ThreadClimbAlert() {}

    /**
     * Decides whether the watched service leaks threads.
     *
     * @param watched a stopped sampler that read the service several times a second for several
     *                seconds; each point carries the time it was read
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        // Every thread, whatever its state: the metric summed over all its attribute sets.
        TimeSeries threads = watched.series("jvm.thread.count");
        double[] values = threads.values();
        int perPart = values.length / 3;
        if (perPart < 2) {
            return false;
        }
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int i = 0; i < values.length; i++) {
            int part = Math.min(2, i / perPart);
            floors[part] = Math.min(floors[part], values[i]);
        }
        double span = perPart * SECONDS_PER_POINT;
        // The floor must rise in every part, at half the alerting pace or more: a pool resized once rises once.
        for (int i = 1; i < floors.length; i++) {
            if ((floors[i] - floors[i - 1]) / span < ALERT_PACE / 2) {
                return false;
            }
        }
        double pace = (floors[2] - floors[0]) / (2 * span);
        return pace > ALERT_PACE;
    }
}
