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
        // A few seconds of snapshots without stacks, followed thread by thread.
        List<ThreadSnapshot> snapshots = LeakFinder.watch(() -> ThreadSnapshots.of(target, 0), 12,
                Duration.ofMillis(300));
        for (LeakSuspect suspect : new LeakFinder().find(snapshots)) {
            if (isLatch(suspect.blocker())) {
                continue;   // a latch is made to be counted down: a batch waiting for its release, not a leak
            }
            return suspect.group();
        }
        return null;
    }

    private static boolean isLatch(String blocker) {
        return blocker != null && blocker.startsWith("java.util.concurrent.CountDownLatch");
    }
}
