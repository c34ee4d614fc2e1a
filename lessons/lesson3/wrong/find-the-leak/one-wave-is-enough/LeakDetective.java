package lesson3;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import workbench.diagnostics.threads.LeakFinder;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code find-the-leak} (lesson 3): one pool of a service leaks threads; the others only look busy.
 */
public final class LeakDetective {

    private static final int SNAPSHOTS = 12;
    private static final Duration INTERVAL = Duration.ofMillis(300);
    private static final int MIN_NEWLY_STUCK = 3;
    private static final int MIN_ONSETS = 1;
    private static final boolean SAME_BLOCKER = true;

    private LeakDetective() {}

    /**
     * Names the pool that leaks threads.
     *
     * @param target the JVM of the service
     * @return the pool key, as the library writes it ({@code orders-worker-*}), or null if nothing leaks
     */
    public static String leakingPool(Target target) throws InterruptedException {
        List<ThreadSnapshot> snapshots = LeakFinder.watch(() -> ThreadSnapshots.of(target, 0), SNAPSHOTS, INTERVAL);
        int last = snapshots.size() - 1;
        int latestOnset = last - Math.max(1, last / 3);
        List<Map<Long, ThreadRecord>> byId = snapshots.stream().map(LeakDetective::index).toList();
        Map<String, Integer> atStart = new HashMap<>();
        for (ThreadRecord t : snapshots.getFirst().threads()) {
            atStart.merge(t.pool(), 1, Integer::sum);
        }
        Map<String, Integer> atEnd = new HashMap<>();
        Map<String, Integer> newlyStuck = new HashMap<>();
        Map<String, Set<Integer>> onsets = new HashMap<>();
        for (ThreadRecord t : snapshots.get(last).threads()) {
            atEnd.merge(t.pool(), 1, Integer::sum);
            if (byId.getFirst().containsKey(t.id())) {
                continue; // only threads born while watched
            }
            int onset = stuckSince(t.id(), byId);
            if (onset > 0 && onset <= latestOnset) {
                newlyStuck.merge(t.pool(), 1, Integer::sum);
                onsets.computeIfAbsent(t.pool(), p -> new HashSet<>()).add(onset);
            }
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : newlyStuck.entrySet()) {
            String pool = e.getKey();
            int count = e.getValue();
            if (atEnd.getOrDefault(pool, 0) > atStart.getOrDefault(pool, 0)
                    && count >= MIN_NEWLY_STUCK
                    && onsets.get(pool).size() >= MIN_ONSETS
                    && count > bestCount) {
                best = pool;
                bestCount = count;
            }
        }
        return best;
    }

    /** The first snapshot from which the thread waits without limit in every later snapshot; -1 if none. */
    private static int stuckSince(long id, List<Map<Long, ThreadRecord>> byId) {
        int onset = -1;
        String blocker = null;
        long waits = -1;
        for (int i = byId.size() - 1; i >= 0; i--) {
            ThreadRecord t = byId.get(i).get(id);
            if (t == null || !t.waitsIndefinitely()) {
                break;
            }
            if (onset >= 0 && SAME_BLOCKER && !Objects.equals(blocker, t.blocker())) {
                break;
            }
            if (onset >= 0 && t.waits() != waits) {
                break; // it woke in between
            }
            blocker = t.blocker();
            waits = t.waits();
            onset = i;
        }
        return onset;
    }

    private static Map<Long, ThreadRecord> index(ThreadSnapshot snapshot) {
        Map<Long, ThreadRecord> byId = new HashMap<>();
        snapshot.threads().forEach(t -> byId.put(t.id(), t));
        return byId;
    }
}
