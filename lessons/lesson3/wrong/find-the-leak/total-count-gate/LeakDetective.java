// Misconception: a leak always shows in the JVM's total thread count, so when the total does not grow over the watch there is nothing to look for.
// Why a learner would believe it: a leak adds threads that never go away, so "the thread count keeps growing" (Go's classic symptom) seems like a necessary first test before the per-pool analysis.
// What is actually right: another pool can shrink faster than the leak grows, keeping the total flat or falling; only following threads per pool finds the leak, whatever the total does.
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
        List<ThreadSnapshot> snapshots = LeakFinder.watch(() -> ThreadSnapshots.of(target, 0), 10,
                Duration.ofMillis(300));
        // cheap sanity check first: no growth in the total, no leak
        if (snapshots.getLast().count() <= snapshots.getFirst().count()) {
            return null;
        }
        List<LeakSuspect> suspects = new LeakFinder().find(snapshots);
        return suspects.isEmpty() ? null : suspects.getFirst().group();
    }
}
