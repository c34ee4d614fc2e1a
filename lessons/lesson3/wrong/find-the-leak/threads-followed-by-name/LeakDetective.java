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
import workbench.diagnostics.threads.Grouping;
import workbench.diagnostics.threads.LeakFinder;
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
    private static final Duration INTERVAL = Duration.ofMillis(300);
    private static final int MIN_NEWLY_STUCK = 3;
    private static final int MIN_ONSETS = 3;

    private LeakDetective() {}

    /**
     * Names the pool that leaks threads.
     *
     * @param target the JVM of the service
     * @return the pool key, as the library writes it ({@code orders-worker-*}), or null if nothing leaks
     */
    public static String leakingPool(Target target) throws InterruptedException {
        List<ThreadSnapshot> snapshots = LeakFinder.watch(() -> ThreadSnapshots.of(target, 0), SNAPSHOTS, INTERVAL);

        // Follow each thread by its name: stable, unlike an id that a new thread may get once the old one ended.
        List<Map<String, ThreadRecord>> byName = new ArrayList<>();
        for (ThreadSnapshot snapshot : snapshots) {
            Map<String, ThreadRecord> index = new HashMap<>();
            snapshot.threads().forEach(thread -> index.put(thread.name(), thread));
            byName.add(index);
        }
        int last = snapshots.size() - 1;
        int latestOnset = last - Math.max(1, last / 3);   // stuck for at least the last third of the watch

        Map<String, List<ThreadRecord>> atStart = snapshots.getFirst().groupBy(Grouping.POOL);
        Map<String, List<ThreadRecord>> atEnd = snapshots.get(last).groupBy(Grouping.POOL);

        String leaking = null;
        int mostNewlyStuck = 0;
        for (Map.Entry<String, List<ThreadRecord>> pool : atEnd.entrySet()) {
            int countAtStart = atStart.getOrDefault(pool.getKey(), List.of()).size();
            if (pool.getValue().size() <= countAtStart) {
                continue;   // a leaking pool ends bigger than it started
            }
            // For each kind of blocker, the snapshots at which threads born while watched got stuck on it.
            Map<String, List<Integer>> onsetsByBlocker = new HashMap<>();
            for (ThreadRecord thread : pool.getValue()) {
                if (!thread.waitsIndefinitely() || byName.getFirst().containsKey(thread.name())) {
                    continue;   // not stuck now, or not born while watched
                }
                int onset = last;
                while (onset > 0) {
                    ThreadRecord earlier = byName.get(onset - 1).get(thread.name());
                    if (earlier == null || !earlier.waitsIndefinitely()
                            || !Objects.equals(earlier.blocker(), thread.blocker()) || thread.wokeSince(earlier)) {
                        break;
                    }
                    onset--;
                }
                if (onset > 0 && onset <= latestOnset) {
                    onsetsByBlocker.computeIfAbsent(String.valueOf(thread.blocker()), b -> new ArrayList<>())
                            .add(onset);
                }
            }
            for (List<Integer> onsets : onsetsByBlocker.values()) {
                Set<Integer> distinct = new HashSet<>(onsets);
                if (onsets.size() >= MIN_NEWLY_STUCK && distinct.size() >= MIN_ONSETS
                        && onsets.size() > mostNewlyStuck) {
                    mostNewlyStuck = onsets.size();
                    leaking = pool.getKey();
                }
            }
        }
        return leaking;
    }
}
