package lesson3;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.LeakFinder;
import workbench.diagnostics.threads.LeakSuspect;
import workbench.diagnostics.threads.ThreadRecord;
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
        List<ThreadSnapshot> series = LeakFinder.watch(() -> ThreadSnapshots.of(target, 0), 12,
                Duration.ofMillis(300));
        // Idle pool workers wait for their next task on the executor's queue, which shows up as a wait on
        // AbstractQueuedSynchronizer$ConditionObject: that is a healthy pool waiting for work, not a leak.
        // Leave those waits out, so that big idle pools cannot hide or fake anything.
        List<ThreadSnapshot> withoutIdleWorkers = new ArrayList<>();
        for (ThreadSnapshot snapshot : series) {
            List<ThreadRecord> kept = snapshot.threads().stream()
                    .filter(thread -> !isIdleWorker(thread))
                    .toList();
            withoutIdleWorkers.add(new ThreadSnapshot(snapshot.taken(), kept));
        }
        List<LeakSuspect> suspects = new LeakFinder().find(withoutIdleWorkers);
        return suspects.isEmpty() ? null : suspects.getFirst().group();
    }

    private static boolean isIdleWorker(ThreadRecord thread) {
        return thread.blocker() != null && thread.blocker().endsWith("AbstractQueuedSynchronizer$ConditionObject");
    }
}
