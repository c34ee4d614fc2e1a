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

    private LeakDetective() {}

    /**
     * Names the pool that leaks threads.
     *
     * @param target the JVM of the service
     * @return the pool key, as the library writes it ({@code orders-worker-*}), or null if nothing leaks
     */
    public static String leakingPool(Target target) throws InterruptedException {
        // Follow the same threads for a few seconds: twelve cheap snapshots (no stacks), 300 ms apart.
        List<ThreadSnapshot> series = LeakFinder.watch(() -> ThreadSnapshots.of(target, 0), 12,
                Duration.ofMillis(300));
        // A leak is a thread stuck on a primitive nobody can release: a queue, a latch, a lock, a monitor.
        // A suspect without a blocker is only parked on nothing in particular (a plain park(), which the
        // leak profile does not report either): nothing is holding it, so it is not a leak.
        return new LeakFinder().find(series).stream()
                .filter(suspect -> suspect.blocker() != null)
                .map(LeakSuspect::group)
                .findFirst()
                .orElse(null);
    }
}
