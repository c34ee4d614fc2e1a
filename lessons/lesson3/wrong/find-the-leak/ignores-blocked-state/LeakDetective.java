// Misconception: a leaked thread is always WAITING (parked on a queue, latch or lock); a BLOCKED thread is only contending for a monitor and will get it soon, so it can be ignored.
// Why a learner would believe it: every leak the demo shows (queue take, latch await, lockInterruptibly) parks the thread in WAITING, and "blocked on a lock" sounds like momentary contention.
// What is actually right: a thread can be stuck forever in BLOCKED too (a monitor whose owner never leaves, a deadlock); a leak is any thread waiting without a time limit, WAITING or BLOCKED, that stays so on the same blocker.
package lesson3;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.LeakFinder;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Exercise {@code find-the-leak} (lesson 3): one pool of a service leaks threads; the others only look busy.
 */
public final class LeakDetective {

    private static final int SNAPSHOTS = 10;
    private static final int MIN_NEWLY_STUCK = 3;

    private LeakDetective() {}

    /**
     * Names the pool that leaks threads.
     *
     * @param target the JVM of the service
     * @return the pool key, as the library writes it ({@code orders-worker-*}), or null if nothing leaks
     */
    public static String leakingPool(Target target) throws InterruptedException {
        List<ThreadSnapshot> series = LeakFinder.watch(() -> ThreadSnapshots.of(target, 0), SNAPSHOTS,
                Duration.ofMillis(300));
        List<Map<Long, ThreadRecord>> byId = new ArrayList<>();
        for (ThreadSnapshot snapshot : series) {
            Map<Long, ThreadRecord> index = new HashMap<>();
            snapshot.threads().forEach(t -> index.put(t.id(), t));
            byId.add(index);
        }
        int last = series.size() - 1;
        int latestOnset = last - Math.max(1, last / 3);

        Map<String, Integer> poolSizeAtStart = new HashMap<>();
        series.getFirst().threads().forEach(t -> poolSizeAtStart.merge(t.pool(), 1, Integer::sum));
        Map<String, Integer> poolSizeAtEnd = new HashMap<>();
        series.getLast().threads().forEach(t -> poolSizeAtEnd.merge(t.pool(), 1, Integer::sum));

        // per pool and blocker: onsets of threads born while watched that got stuck and stayed stuck
        Map<String, List<Integer>> onsets = new HashMap<>();
        for (ThreadRecord thread : series.getLast().threads()) {
            if (byId.getFirst().containsKey(thread.id()) || !parked(thread)) {
                continue;
            }
            int onset = last;
            while (onset > 0) {
                ThreadRecord earlier = byId.get(onset - 1).get(thread.id());
                if (earlier == null || !parked(earlier) || !Objects.equals(earlier.blocker(), thread.blocker())) {
                    break;
                }
                onset--;
            }
            if (onset > 0 && onset <= latestOnset) {
                onsets.computeIfAbsent(thread.pool() + "\u0000" + thread.blocker(), k -> new ArrayList<>()).add(onset);
            }
        }

        String leaking = null;
        int most = 0;
        for (Map.Entry<String, List<Integer>> entry : onsets.entrySet()) {
            String pool = entry.getKey().substring(0, entry.getKey().indexOf('\u0000'));
            List<Integer> stuck = entry.getValue();
            Set<Integer> distinct = new HashSet<>(stuck);
            boolean grew = poolSizeAtEnd.getOrDefault(pool, 0) > poolSizeAtStart.getOrDefault(pool, 0);
            if (grew && stuck.size() >= MIN_NEWLY_STUCK && distinct.size() >= 3 && stuck.size() > most) {
                most = stuck.size();
                leaking = pool;
            }
        }
        return leaking;
    }

    /** Stuck for good: parked without a time limit. BLOCKED threads only wait for a monitor to be free. */
    private static boolean parked(ThreadRecord thread) {
        return thread.state() == Thread.State.WAITING;
    }
}
