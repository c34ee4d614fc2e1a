// Misconception: watching for seconds is wasteful; a short burst of snapshots with LeakFinder's thresholds lowered to 1 finds the same leak faster.
// Why a learner would believe it: with a quick watch the default LeakFinder reports nothing, and lowering minNewlyStuck/minOnsets "to make it sensitive" makes the leaking pool show up in the console.
// What is actually right: a leak is only told apart from a burst by several threads getting stuck at several distinct moments and staying stuck over a long enough watch (~3 s, the default 3/3 thresholds).
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
        // five cheap snapshots are plenty; a single stuck newcomer is already a leak
        List<ThreadSnapshot> snapshots = LeakFinder.watch(() -> ThreadSnapshots.of(target, 0), 5,
                Duration.ofMillis(150));
        List<LeakSuspect> suspects = new LeakFinder(1, 1).find(snapshots);
        return suspects.isEmpty() ? null : suspects.getFirst().group();
    }
}
