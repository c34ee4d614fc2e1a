package lesson3;

import java.time.Duration;
import java.util.List;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.LeakFinder;
import workbench.diagnostics.threads.LeakSuspect;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Exercise {@code find-the-leak} (lesson 3): one pool of a service leaks threads; the others only look busy.
 *
 * <p>Try it in the console first on {@code /demo start leaky-threads} with {@code Target.current()}.
 * Check it with {@code /check} or {@code ./workbench check find-the-leak}.
 */
public final class LeakDetective {

    private static final int SNAPSHOTS = 12;
    private static final Duration INTERVAL = Duration.ofMillis(300);

    private LeakDetective() {}

    /**
     * Names the pool that leaks threads.
     *
     * @param target the JVM of the service
     * @return the pool key, as the library writes it ({@code orders-worker-*}), or null if nothing leaks
     */
    public static String leakingPool(Target target) throws InterruptedException {
        // Snapshots without stacks are enough: the blocker comes with each thread's lock info.
        List<ThreadSnapshot> series = LeakFinder.watch(() -> ThreadSnapshots.of(target, 0), SNAPSHOTS, INTERVAL);
        for (LeakSuspect suspect : new LeakFinder().find(series)) {
            // A leak accumulates: its older threads are still stuck and the new ones join them. A group whose stuck
            // threads all started while watched is a pool that is filling up, not one that leaks.
            boolean hasOldStuck = suspect.stuck() > suspect.newlyStuck();
            if (hasOldStuck) {
                return suspect.group();
            }
        }
        return null;
    }
}
