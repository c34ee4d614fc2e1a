package lesson3;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/** Follows threads born while watched that block and stay blocked to the end, however late they blocked. */
public final class LeakDetective {

    private LeakDetective() {}

    public static String leakingPool(Target target) throws InterruptedException {
        List<ThreadSnapshot> snapshots = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            if (i > 0) {
                Thread.sleep(Duration.ofMillis(300));
            }
            snapshots.add(ThreadSnapshots.of(target, 0));
        }
        List<Map<Long, ThreadRecord>> byId = snapshots.stream().map(snapshot -> {
            Map<Long, ThreadRecord> index = new HashMap<>();
            snapshot.threads().forEach(thread -> index.put(thread.id(), thread));
            return index;
        }).toList();
        int last = snapshots.size() - 1;
        Map<String, Integer> stuck = new HashMap<>();
        Map<String, Set<Integer>> onsets = new HashMap<>();
        for (ThreadRecord thread : snapshots.get(last).threads()) {
            if (byId.getFirst().containsKey(thread.id()) || !thread.waitsIndefinitely()) {
                continue;
            }
            // Walk back while it was blocked the same way without waking: where it first got stuck.
            int onset = last;
            while (onset > 0) {
                ThreadRecord earlier = byId.get(onset - 1).get(thread.id());
                if (earlier == null || !earlier.waitsIndefinitely() || thread.wokeSince(earlier)
                        || !String.valueOf(earlier.blocker()).equals(String.valueOf(thread.blocker()))) {
                    break;
                }
                onset--;
            }
            stuck.merge(thread.pool(), 1, Integer::sum);
            onsets.computeIfAbsent(thread.pool(), pool -> new HashSet<>()).add(onset);
        }
        String leaking = null;
        for (Map.Entry<String, Integer> pool : stuck.entrySet()) {
            boolean joinedOften = onsets.get(pool.getKey()).size() >= 3;
            if (pool.getValue() >= 3 && joinedOften && (leaking == null || pool.getValue() > stuck.get(leaking))) {
                leaking = pool.getKey();
            }
        }
        return leaking;
    }
}
