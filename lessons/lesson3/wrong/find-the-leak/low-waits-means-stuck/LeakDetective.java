package lesson3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.Grouping;
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

    private static final int SNAPSHOTS = 12;
    private static final long INTERVAL_MILLIS = 300;
    /** Threads born while watched that must be stuck at the end. */
    private static final int MIN_NEWLY_STUCK = 3;
    /** Distinct snapshots at which they got stuck: a batch that blocks at one moment is not a leak. */
    private static final int MIN_ONSETS = 3;
    /**
     * The most waits a thread that never woke can have counted: the slow backend call it made first, and the wait
     * it never comes back from. In the console the stuck threads showed waits=2, while threads that wake and wait
     * again (conversations, idle workers) had climbed to a dozen or more.
     */
    private static final long MAX_WAITS_OF_A_STUCK_THREAD = 2;

    private LeakDetective() {}

    /**
     * Names the pool that leaks threads.
     *
     * @param target the JVM of the service
     * @return the pool key, as the library writes it ({@code orders-worker-*}), or null if nothing leaks
     */
    public static String leakingPool(Target target) throws InterruptedException {
        // ThreadMXBean without stacks: cheap, and it counts each thread's waits.
        List<ThreadSnapshot> series = new ArrayList<>(SNAPSHOTS);
        for (int i = 0; i < SNAPSHOTS; i++) {
            if (i > 0) {
                Thread.sleep(INTERVAL_MILLIS);
            }
            series.add(ThreadSnapshots.of(target, 0));
        }

        List<Map<Long, ThreadRecord>> byId = new ArrayList<>();
        for (ThreadSnapshot snapshot : series) {
            Map<Long, ThreadRecord> index = new HashMap<>();
            snapshot.threads().forEach(thread -> index.put(thread.id(), thread));
            byId.add(index);
        }
        int last = series.size() - 1;
        // stuck for at least the last third of the watch: a burst waiting half a second is not stuck
        int latestOnset = last - Math.max(1, last / 3);
        Map<String, List<ThreadRecord>> atStart = series.getFirst().groupBy(Grouping.POOL);

        String suspect = null;
        int mostNewlyStuck = 0;
        for (Map.Entry<String, List<ThreadRecord>> pool : series.get(last).groupBy(Grouping.POOL).entrySet()) {
            List<ThreadRecord> members = pool.getValue();
            if (members.size() <= atStart.getOrDefault(pool.getKey(), List.of()).size()) {
                continue;  // a leaking pool has more threads at the end than at the start
            }
            Map<String, List<Integer>> onsetsByBlocker = new HashMap<>();
            for (ThreadRecord thread : members) {
                if (byId.getFirst().containsKey(thread.id())) {
                    continue;  // not born while watched
                }
                int onset = stuckSince(thread, byId);
                if (onset > 0 && onset <= latestOnset) {
                    onsetsByBlocker.computeIfAbsent(String.valueOf(thread.blocker()), b -> new ArrayList<>())
                            .add(onset);
                }
            }
            for (List<Integer> onsets : onsetsByBlocker.values()) {
                if (onsets.size() >= MIN_NEWLY_STUCK && new HashSet<>(onsets).size() >= MIN_ONSETS
                        && onsets.size() > mostNewlyStuck) {
                    suspect = pool.getKey();
                    mostNewlyStuck = onsets.size();
                }
            }
        }
        return suspect;
    }

    /**
     * The first snapshot from which the thread has waited without a time limit, on the same blocker class, in every
     * snapshot up to the last; -1 when it is not waiting at the end, or when its count of waits shows that it has
     * woken up and waited again (a healthy waiting thread's waits() climbs, a stuck one's stays low).
     */
    private static int stuckSince(ThreadRecord atEnd, List<Map<Long, ThreadRecord>> byId) {
        if (!atEnd.waitsIndefinitely() || atEnd.waits() > MAX_WAITS_OF_A_STUCK_THREAD) {
            return -1;
        }
        int onset = byId.size() - 1;
        while (onset > 0) {
            ThreadRecord earlier = byId.get(onset - 1).get(atEnd.id());
            if (earlier == null || !earlier.waitsIndefinitely()
                    || !Objects.equals(earlier.blocker(), atEnd.blocker())) {
                break;
            }
            onset--;
        }
        return onset;
    }
}
