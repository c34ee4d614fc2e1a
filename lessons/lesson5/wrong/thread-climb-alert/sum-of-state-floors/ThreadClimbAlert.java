package lesson5;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.sampling.Sampler;

/**
 * Exercise {@code thread-climb-alert} (lesson 5): an alert rule for a steady thread climb that stays silent
 * while pools grow and shrink.
 *
 * <p>Try it in the console first on {@code /demo start watched-service}. Check it with {@code /check} or
 * {@code ./workbench check thread-climb-alert}.
 */
public final class ThreadClimbAlert {

    /** The pace we alert on, in threads a second. */
    private static final double ALERT_PACE = 2.0;
    private static final int PARTS = 3;
    private static final Thread.State[] STATES = Thread.State.values();

    private ThreadClimbAlert() {}

    /**
     * Decides whether the watched service leaks threads.
     *
     * @param watched a stopped sampler that read the service several times a second for several
     *                seconds; each point carries the time it was read
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        List<Snapshot> snapshots = watched.snapshots().stream().filter(s -> s.has("jvm.thread.count")).toList();
        if (snapshots.size() < 2 * PARTS) {
            return false;
        }
        Instant start = snapshots.getFirst().time();
        double window = seconds(start, snapshots.getLast().time());
        if (window <= 0) {
            return false;
        }
        double part = window / PARTS;

        // The floor of every state in every part: a leak may put its threads in any state, so each state is
        // watched on its own and the floors are added up.
        double[][] stateFloors = new double[PARTS][STATES.length];
        for (double[] floors : stateFloors) {
            Arrays.fill(floors, Double.POSITIVE_INFINITY);
        }
        for (Snapshot snapshot : snapshots) {
            int index = (int) Math.min(PARTS - 1, seconds(start, snapshot.time()) / part);
            for (Thread.State state : STATES) {
                double count = snapshot.value("jvm.thread.count", "jvm.thread.state",
                        state.name().toLowerCase(Locale.ROOT));
                if (Double.isNaN(count)) {
                    count = 0;   // no thread in that state: the library leaves the attribute set out
                }
                stateFloors[index][state.ordinal()] = Math.min(stateFloors[index][state.ordinal()], count);
            }
        }
        double[] floors = new double[PARTS];
        for (int i = 0; i < PARTS; i++) {
            for (double floor : stateFloors[i]) {
                if (Double.isInfinite(floor)) {
                    return false;   // a part without a single reading
                }
                floors[i] += floor;
            }
        }

        for (int i = 1; i < PARTS; i++) {
            if ((floors[i] - floors[i - 1]) / part < ALERT_PACE / 2) {
                return false;
            }
        }
        double pace = (floors[PARTS - 1] - floors[0]) / ((PARTS - 1) * part);
        return pace > ALERT_PACE;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
