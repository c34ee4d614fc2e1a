// Misconception: the leaking pool is the one whose thread count grew the most between two snapshots taken a few seconds apart.
// Why a learner would believe it: it already beats "the total count" and "the biggest pool", and per-pool growth is exactly what the lesson says the total hides.
// What is actually right: a leak is told apart by following the same threads by id and seeing threads born while watched get stuck on the same blocker and stay stuck; growth alone cannot tell a leak from a burst.
package lesson3;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Exercise {@code find-the-leak} (lesson 3): one pool of a service leaks threads; the others only look busy.
 */
public final class LeakDetective {

    private static final long WATCH_MILLIS = 5_000;

    private LeakDetective() {}

    /**
     * Names the pool that leaks threads.
     *
     * @param target the JVM of the service
     * @return the pool key, as the library writes it ({@code orders-worker-*}), or null if nothing leaks
     */
    public static String leakingPool(Target target) throws InterruptedException {
        Map<String, Long> before = perPool(ThreadSnapshots.of(target, 0));
        Thread.sleep(WATCH_MILLIS);
        Map<String, Long> after = perPool(ThreadSnapshots.of(target, 0));

        Set<String> pools = new TreeSet<>(before.keySet());
        pools.addAll(after.keySet());
        String leaking = null;
        long mostGrowth = 0;
        for (String pool : pools) {
            long growth = after.getOrDefault(pool, 0L) - before.getOrDefault(pool, 0L);
            if (growth > mostGrowth) {
                mostGrowth = growth;
                leaking = pool;
            }
        }
        return leaking;
    }

    private static Map<String, Long> perPool(ThreadSnapshot snapshot) {
        return snapshot.threads().stream()
                .collect(Collectors.groupingBy(ThreadRecord::pool, Collectors.counting()));
    }
}
