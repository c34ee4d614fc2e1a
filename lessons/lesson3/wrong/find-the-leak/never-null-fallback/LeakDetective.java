package lesson3;

import java.time.Duration;
import java.util.List;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.GroupSummary;
import workbench.diagnostics.threads.Grouping;
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
        List<ThreadSnapshot> series = LeakFinder.watch(() -> ThreadSnapshots.of(target, 0), 12,
                Duration.ofMillis(300));
        List<LeakSuspect> suspects = new LeakFinder().find(series);
        if (!suspects.isEmpty()) {
            return suspects.getFirst().group();
        }
        // The watch was too short to prove it: the service is known to leak, so fall back on the pool with the
        // most threads waiting without a time limit at the end rather than answering nothing.
        ThreadSnapshot last = series.getLast();
        String best = null;
        int mostStuck = 0;
        for (GroupSummary pool : last.summarize(Grouping.POOL)) {
            int stuck = pool.count(Thread.State.WAITING) + pool.count(Thread.State.BLOCKED);
            if (stuck > mostStuck) {
                mostStuck = stuck;
                best = pool.key();
            }
        }
        return best;
    }
}
