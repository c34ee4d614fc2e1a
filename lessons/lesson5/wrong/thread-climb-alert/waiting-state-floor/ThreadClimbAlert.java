/*
 * Misconception: Leaked threads are the ones parked forever in WAITING, so the floor of the WAITING threads alone
 *   is the thread leak signal, and the busy (RUNNABLE, TIMED_WAITING) threads of the pools are noise to filter out.
 * Why a learner would believe it: Lesson 3 showed leaked threads stuck on a blocker that never comes, and in the demo
 *   the leaked watchers wait on a latch while the elastic pool's workers sleep or poll with a timeout.
 * What is actually right: The rule is on the whole jvm.thread.count's floor: a leaked thread can be stuck in any
 *   state (TIMED_WAITING on a poll that loops, BLOCKED on a lock, RUNNABLE in a socket read), and every one of them
 *   costs a stack and counts toward the limit.
 */
package lesson5;

import java.time.Duration;
import java.time.Instant;
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

    private static final double THREADS_PER_SECOND = 2.0;

    private ThreadClimbAlert() {}

    /**
     * Decides whether the watched service leaks threads.
     *
     * @param watched a stopped sampler that read the service every 100 ms for several seconds
     * @return true to fire the alert, false to stay silent
     */
    public static boolean firing(Sampler watched) {
        // Stuck threads wait forever; workers that come and go are running or waiting with a timeout.
        List<Point> points = watched.series("jvm.thread.count", Attributes.of("jvm.thread.state", "waiting")).points();
        if (points.size() < 6) {
            return false;
        }
        Instant start = points.getFirst().time();
        double seconds = Duration.between(start, points.getLast().time()).toNanos() / 1e9;
        if (seconds <= 0) {
            return false;
        }
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (Point point : points) {
            double t = Duration.between(start, point.time()).toNanos() / 1e9;
            int span = Math.min(2, (int) (3 * t / seconds));
            floors[span] = Math.min(floors[span], point.value());
        }
        double spanSeconds = seconds / 3;
        for (int i = 1; i < 3; i++) {
            if ((floors[i] - floors[i - 1]) / spanSeconds < THREADS_PER_SECOND / 2) {
                return false;
            }
        }
        return (floors[2] - floors[0]) / (2 * spanSeconds) > THREADS_PER_SECOND;
    }
}
