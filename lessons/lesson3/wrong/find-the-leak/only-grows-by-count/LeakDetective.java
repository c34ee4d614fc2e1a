// Misconception: a leaking pool is one whose thread count only ever grows across a series of snapshots; counting threads per pool is enough, identity and blockers do not matter.
// Why a learner would believe it: the lesson says leaked threads "never come back" and decoy pools "grow and shrink", so a count that never drops looks like the definition of a leak.
// What is actually right: a count says nothing about which threads are stuck; a pool can fill up and plateau, or grow without any thread staying blocked, and the leak test is that threads born while watched stay blocked on the same kind of blocker.
package lesson3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Exercise {@code find-the-leak} (lesson 3): one pool of a service leaks threads; the others only look busy.
 */
public final class LeakDetective {

    private static final int SNAPSHOTS = 12;
    private static final long INTERVAL_MILLIS = 400;

    private LeakDetective() {}

    /**
     * Names the pool that leaks threads.
     *
     * @param target the JVM of the service
     * @return the pool key, as the library writes it ({@code orders-worker-*}), or null if nothing leaks
     */
    public static String leakingPool(Target target) throws InterruptedException {
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (int i = 0; i < SNAPSHOTS; i++) {
            if (i > 0) {
                Thread.sleep(INTERVAL_MILLIS);
            }
            counts.add(perPool(ThreadSnapshots.of(target, 0)));
        }

        TreeSet<String> pools = new TreeSet<>();
        counts.forEach(c -> pools.addAll(c.keySet()));
        String leaking = null;
        int mostGrowth = 0;
        for (String pool : pools) {
            boolean neverShrinks = true;
            for (int i = 1; i < counts.size() && neverShrinks; i++) {
                neverShrinks = counts.get(i).getOrDefault(pool, 0) >= counts.get(i - 1).getOrDefault(pool, 0);
            }
            int growth = counts.getLast().getOrDefault(pool, 0) - counts.getFirst().getOrDefault(pool, 0);
            // healthy pools grow and shrink; a leak only grows
            if (neverShrinks && growth > mostGrowth) {
                mostGrowth = growth;
                leaking = pool;
            }
        }
        return leaking;
    }

    private static Map<String, Integer> perPool(ThreadSnapshot snapshot) {
        Map<String, Integer> counts = new HashMap<>();
        for (ThreadRecord thread : snapshot.threads()) {
            counts.merge(thread.pool(), 1, Integer::sum);
        }
        return counts;
    }
}
